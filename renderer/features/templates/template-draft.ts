/**
 * Pure helpers of the template editor, in four modules: the editable draft and its conversion back to a
 * Template (draft-model), edits of a draft (draft-edits), validation with issue paths that mirror the
 * Template's own paths (draft-validation), and the sample row of the live table preview (draft-sample).
 * This module gathers them under one name. No React, no DOM: unit-tested in node.
 */
export * from './draft-model';
export * from './draft-edits';
export * from './draft-validation';
export * from './draft-sample';
