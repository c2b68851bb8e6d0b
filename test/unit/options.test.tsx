// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Options } from '@/components/Options';
import { DEFAULT_SETTINGS } from '@/lib/settings';

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

describe('Options', () => {
  it('shows the settings and reports each change as a patch', () => {
    host = document.createElement('div');
    document.body.append(host);
    const onChange = vi.fn();
    const onReset = vi.fn();
    act(() => render(<Options settings={{ ...DEFAULT_SETTINGS, summaryLength: 5 }} onChange={onChange} onReset={onReset} status="Saved." />, host));

    const select = host.querySelector('select')!;
    expect(select.value).toBe('5');
    select.value = 'auto';
    act(() => void select.dispatchEvent(new Event('change')));
    expect(onChange).toHaveBeenLastCalledWith({ summaryLength: 'auto' });
    select.value = '7';
    act(() => void select.dispatchEvent(new Event('change')));
    expect(onChange).toHaveBeenLastCalledWith({ summaryLength: 7 });

    const box = host.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(box.checked).toBe(DEFAULT_SETTINGS.highlightOnOpen);
    act(() => box.click());
    expect(onChange).toHaveBeenLastCalledWith({ highlightOnOpen: !DEFAULT_SETTINGS.highlightOnOpen });

    const colours = host.querySelectorAll<HTMLInputElement>('input[type="color"]');
    expect([...colours].map((c) => c.value)).toEqual([
      DEFAULT_SETTINGS.colours.keySentence,
      DEFAULT_SETTINGS.colours.quote,
      DEFAULT_SETTINGS.colours.entity,
    ]);
    colours[1].value = '#123456';
    act(() => void colours[1].dispatchEvent(new Event('change')));
    expect(onChange).toHaveBeenLastCalledWith({ colours: { quote: '#123456' } });

    act(() => host.querySelector<HTMLButtonElement>('button')!.click());
    expect(onReset).toHaveBeenCalledOnce();
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Saved.');
  });
});
