/**
 * The questions of a question set as native form controls (CONTRACT §9): a fieldset with a legend
 * per question, radios for yes/no, scales, points and choices, checkboxes for a multi choice. Part
 * of the lazily loaded question module, so it takes Lit's `html` from the element instead of
 * importing Lit (an import shared with the element would split the CDN bundle into chunks).
 */
import type { TemplateResult, html as litHtml } from 'lit';
import type { Answer, Question, QuestionSet } from '../../core/question-sets.js';

/** What the fields need from their element. */
export interface QuestionFieldsContext {
  /** Lit's `html` tag, from the element. */
  html: typeof litHtml;
  set: QuestionSet;
  answers: Readonly<Record<string, Answer>>;
  /** `vi`, `en`, …: picks the text of each question and option (vi when the locale has none). */
  lang: 'vi' | 'en';
  /** Labels of a 3- and 5-point satisfaction scale, yes and no (the element's own strings). */
  scaleLabels3: readonly string[];
  scaleLabels5: readonly string[];
  yes: string;
  no: string;
  /** Labels of 0, 1, 2 points. */
  pointLabels: readonly string[];
  onAnswer(id: string, value: Answer | undefined): void;
}

interface Choice {
  value: Answer;
  label: string;
}

function choicesOf(question: Question, context: QuestionFieldsContext): Choice[] {
  const own = question.labels?.[context.lang];
  switch (question.type) {
    case 'yesno':
      return [
        { value: true, label: own?.[0] ?? context.yes },
        { value: false, label: own?.[1] ?? context.no },
      ];
    case 'scale3':
    case 'scale5': {
      const labels = own ?? (question.type === 'scale3' ? context.scaleLabels3 : context.scaleLabels5);
      return labels.map((label, index) => ({ value: index + 1, label: `${index + 1} – ${label}` }));
    }
    case 'points': {
      const max = question.max ?? 2;
      return Array.from({ length: max + 1 }, (_, points) => ({ value: points, label: own?.[points] ?? context.pointLabels[points] ?? String(points) }));
    }
    default:
      return (question.options ?? []).map((option) => ({ value: option.id, label: option[context.lang] }));
  }
}

/** One fieldset per question; `prefix` keeps input names apart from the element's other radios. */
export function questionFields(context: QuestionFieldsContext, prefix = 'q'): TemplateResult {
  const html = context.html;
  return html`${context.set.questions.map((question, index) => {
    const name = `${prefix}-${question.id}`;
    const current = context.answers[question.id];
    const choices = choicesOf(question, context);
    const multi = question.type === 'multi';
    const chosen = multi && Array.isArray(current) ? current : [];
    return html`<fieldset class="set-question" data-type=${question.type}>
      <legend class="standard-text">${index + 1}. ${question[context.lang]}</legend>
      <div class=${question.type === 'yesno' ? 'yes-no' : 'options'}>
        ${choices.map(({ value, label }) =>
          multi
            ? html`<label class="pill"
                ><input
                  type="checkbox"
                  name=${name}
                  .checked=${chosen.includes(value as string)}
                  @change=${(event: Event) => {
                    const on = (event.target as HTMLInputElement).checked;
                    const next = chosen.filter((item) => item !== value);
                    if (on) next.push(value as string);
                    context.onAnswer(question.id, next.length > 0 ? next : undefined);
                  }}
                /><span>${label}</span></label
              >`
            : html`<label class="pill"
                ><input type="radio" name=${name} .checked=${current === value} @change=${() => context.onAnswer(question.id, value)} /><span
                  >${label}</span
                ></label
              >`,
        )}
      </div>
    </fieldset>`;
  })}`;
}

/** The sum of the points answered, and the most there are, for sets of `points` questions. */
export function pointsTotal(set: QuestionSet, answers: Readonly<Record<string, Answer>>): { total: number; max: number } | undefined {
  if (set.questions.length === 0 || !set.questions.every((question) => question.type === 'points')) return undefined;
  let total = 0;
  let max = 0;
  for (const question of set.questions) {
    const value = answers[question.id];
    if (typeof value === 'number') total += value;
    max += question.max ?? 2;
  }
  return { total, max };
}
