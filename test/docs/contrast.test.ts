// The theming playground's contrast check (WCAG 2.2 AA): worked examples with known ratios.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkContrast, contrastRatio, parseColor } from '../../docs/client/contrast.js';

const close = (actual: number | null, expected: number) => {
  assert.ok(actual !== null && Math.abs(actual - expected) < 0.01, `${actual} ≈ ${expected}`);
};

describe('contrast check', () => {
  it('computes the ratios WCAG gives: black on white 21, white on white 1, #767676 on white 4.54, #595959 on white 7', () => {
    close(contrastRatio('#000', '#ffffff'), 21);
    close(contrastRatio('#ffffff', '#000000'), 21);
    close(contrastRatio('#fff', 'rgb(255, 255, 255)'), 1);
    close(contrastRatio('#767676', '#fff'), 4.54);
    close(contrastRatio('#595959', '#ffffff'), 7.0);
  });

  it('flags a failing pair and passes a good one', () => {
    const results = checkContrast({
      '--svc-color-text': '#1b1b1b',
      '--svc-color-surface': '#ffffff',
      '--svc-color-primary': '#ffd400',
      '--svc-color-on-primary': '#ffffff',
    });
    const of = (foreground: string, background: string) =>
      results.find((result) => result.foreground === foreground && result.background === background)!;
    assert.equal(of('--svc-color-text', '--svc-color-surface').passes, true);
    assert.equal(of('--svc-color-primary', '--svc-color-surface').passes, false);
    assert.equal(of('--svc-color-on-primary', '--svc-color-primary').passes, false);
    // Pairs whose properties have no value are not checked.
    assert.equal(results.length, 3);
  });

  it('does not round up: #777777 on white (4.48:1) fails text, passes borders (3:1)', () => {
    const results = checkContrast({ '--svc-color-error': '#777777', '--svc-color-border': '#777777', '--svc-color-surface': '#fff' });
    assert.equal(results.find((result) => result.foreground === '--svc-color-error')!.passes, false);
    assert.equal(results.find((result) => result.foreground === '--svc-color-border')!.passes, true);
  });

  it('says it cannot check colours it cannot read, translucent ones included', () => {
    assert.equal(parseColor('rgba(0, 0, 0, 0.5)'), null);
    assert.equal(parseColor('banana'), null);
    assert.deepEqual(parseColor('rgb(10 82 153)'), { r: 10, g: 82, b: 153 });
    const [result] = checkContrast({ '--svc-color-text': 'banana', '--svc-color-surface': '#fff' });
    assert.equal(result!.ratio, null);
    assert.equal(result!.passes, null);
  });
});
