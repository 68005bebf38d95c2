import { Select, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableRow } from '../../../../electron/core/common/schemas/report';
import type { ColumnDef } from '../../../../electron/core/common/schemas/template';
import type { Editing } from './grid-editing';
import type { Position } from './grid-keys';
import { isChoiceColumn, parseInput } from './grid-model';
import type { CellView } from './grid-view';
import type { CellEditing } from './useCellEditing';
import { classNames, explanationOf, type GridText } from './useGridText';

/** What a choice cell's search holds, and whether an IME composition is under way in the active cell's input. */
export interface EditorState {
  /** What is typed into a choice cell's search: a value outside the options is refused out loud, not dropped. */
  choiceSearch: string;
  setChoiceSearch: (search: string) => void;
  /** An IME composition is under way in the active cell's input: a choice cell opens its list only when it ends. */
  composing: boolean;
  setComposing: (composing: boolean) => void;
}

export interface CellEditorProps {
  position: Position;
  column: ColumnDef;
  row: TableRow;
  cellView: CellView;
  text: GridText;
  sectionId: string;
  errorId: string;
  edit: CellEditing;
  state: EditorState;
}

/**
 * The active cell's editor: an input that takes typing (Chinese from an IME included) and, on a choice cell
 * being edited, the list of its options.
 */
export function CellEditor(props: CellEditorProps) {
  const { column, row, edit, state } = props;
  const here = edit.editing && edit.editing.rowId === row.id && edit.editing.key === column.key ? edit.editing : null;
  return (
    <div className="rd-grid-editor">
      {here && isChoiceColumn(column) && !state.composing ? <ChoiceEditor {...props} here={here} /> : <TextEditor {...props} here={here} />}
    </div>
  );
}

function ChoiceEditor({ position, column, row, text, edit, state, here }: CellEditorProps & { here: Editing }) {
  const { t } = useTranslation();
  const stored = row.cells[column.key];
  const search = state.choiceSearch.trim();
  return (
    <ChoiceSelect
      initialSearch={here.mode === 'replace' ? here.text : ''}
      className="rd-grid-select"
      autoFocus
      defaultOpen
      allowClear
      showSearch
      size="small"
      aria-label={text.headers[position.col]}
      placeholder={t('grid.selectPlaceholder')}
      value={typeof stored === 'string' && column.options?.includes(stored) ? stored : undefined}
      options={(column.options ?? []).map((option) => ({ value: option, label: option }))}
      onSearch={state.setChoiceSearch}
      notFoundContent={
        search ? (
          <span role="alert" data-testid="grid-choice-refused">
            {t('officeTemplates.choiceRefused', { value: search, column: text.headers[position.col], options: (column.options ?? []).join('、') })}
          </span>
        ) : undefined
      }
      onChange={(value: string | undefined) => {
        state.setChoiceSearch('');
        edit.chooseOption(here.rowId, here.key, value ?? null);
      }}
      onOpenChange={(open) => {
        if (!open) state.setChoiceSearch('');
        if (!open && edit.editingRef.current) edit.cancelEditing();
      }}
      onBlur={() => {
        if (edit.editingRef.current) edit.setEditing(null);
      }}
    />
  );
}

function TextEditor({ position, column, cellView, text, sectionId, errorId, edit, state, here }: CellEditorProps & { here: Editing | null }) {
  const { t } = useTranslation();
  const choice = isChoiceColumn(column);
  const editable = edit.canEdit(position.col) && !choice;
  // A choice cell's input takes typing too (then its list opens with what was typed as the search).
  const typeable = edit.canEdit(position.col);
  const parsed = here && !choice ? parseInput(column, here.text) : null;
  const problem = parsed && !parsed.ok ? text.problem(column, parsed.problem) : undefined;
  const note = explanationOf(cellView, column, text);
  return (
    <>
      <input
        className={classNames('rd-grid-input', here && 'is-editing', problem && 'is-invalid')}
        value={here ? here.text : ''}
        readOnly={!typeable}
        aria-label={here ? text.headers[position.col] : text.cell(position.row + 1, text.headers[position.col], cellView.text, note)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        aria-readonly={!editable || undefined}
        autoComplete="off"
        spellCheck={false}
        data-testid={`grid-input-${sectionId}`}
        onChange={(event) => {
          const value = event.target.value;
          if (edit.editingRef.current) edit.setEditing({ ...edit.editingRef.current, text: value });
          else edit.startEditing(position.row, position.col, 'replace', value);
        }}
        onCompositionStart={() => {
          if (choice) state.setComposing(true);
        }}
        onCompositionEnd={(event) => {
          if (!choice) return;
          const value = event.currentTarget.value;
          if (edit.editingRef.current) edit.setEditing({ ...edit.editingRef.current, text: value });
          else if (value) edit.startEditing(position.row, position.col, 'replace', value);
          state.setComposing(false);
        }}
        onBlur={() => {
          // Switching windows blurs too; the edit goes on when the window comes back.
          if (edit.editingRef.current && document.hasFocus()) edit.finishEditing('leave');
        }}
      />
      {problem && (
        // The message floats in a portal so the table's scroll box cannot clip it. It hangs on its own
        // anchor, not on the input, so that the input (and an IME composition in it) is never remounted.
        <Tooltip
          open
          placement="bottomLeft"
          color="#cf1322"
          title={
            <span className="rd-grid-error" data-testid="grid-cell-error">
              {problem}
              <small>{t('grid.fixHint')}</small>
            </span>
          }
        >
          <span className="rd-grid-error-anchor" aria-hidden />
        </Tooltip>
      )}
      {problem && (
        <span id={errorId} role="alert" className="rd-grid-sr-only">
          {problem}
        </span>
      )}
    </>
  );
}

/**
 * A choice cell's list: antd's Select whose search starts with what was typed into the cell (a letter, or the
 * Chinese an IME committed), as Excel's and WPS's validation lists filter by the typed text.
 */
function ChoiceSelect({ initialSearch, onSearch, ...props }: React.ComponentProps<typeof Select<string>> & { initialSearch: string }) {
  const [search, setSearch] = useState(initialSearch);
  // The owner hears every search too, the first key typed into the cell included (it names a value not offered).
  useEffect(() => {
    if (initialSearch) onSearch?.(initialSearch);
  }, []);
  return (
    <Select<string>
      {...props}
      searchValue={search}
      onSearch={(value) => {
        setSearch(value);
        onSearch?.(value);
      }}
    />
  );
}
