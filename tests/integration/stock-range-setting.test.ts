/**
 * The office's 存销比 合理区间 (设置): a supervisor sets it through the API; a manager may not; a range whose lower
 * bound is above its upper bound is refused and the stored settings stay as they were.
 */
import { describe, expect, it } from 'vitest';
import { defaultStockToSalesRange } from '../../electron/core/settings/schema';
import { office, openTempStore } from '../helpers/temp-store';

describe('settings: 存销比合理区间', () => {
  it('is set by a supervisor, refused to a manager and refused when the bounds are crossed', async () => {
    const { dispatcher, services } = await openTempStore({ seed: true });
    expect((await services.settings.get()).stockToSalesRange).toEqual(defaultStockToSalesRange);

    const set = await dispatcher.dispatch('settings:update', office.supervisor, { stockToSalesRange: { low: 0.45, high: 0.7 } });
    expect(set).toMatchObject({ ok: true, value: { stockToSalesRange: { low: 0.45, high: 0.7 } } });

    const byManager = await dispatcher.dispatch('settings:update', office.manager, { stockToSalesRange: { low: 0.1, high: 0.2 } });
    expect(byManager).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const crossed = await dispatcher.dispatch('settings:update', office.supervisor, { stockToSalesRange: { low: 0.9, high: 0.5 } });
    expect(crossed).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(JSON.stringify(crossed)).toContain('存销比合理区间的下限不能高于上限');

    expect((await services.settings.get()).stockToSalesRange).toEqual({ low: 0.45, high: 0.7 });
  });
});
