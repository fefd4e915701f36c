// The form's description and what the page works out from it before Python is ready. form.json, beside this
// file, is written by the build (sitebuild/selfcheck.py) from calculator.catalogue() and notice/: the questions
// with when each is asked (`ask_if`), every anchor a result can cite, the glossary, and where Pyodide and the
// wheel are; its URLs are relative to itself. Nothing here touches the page, so tests run it in Node against
// the Python it mirrors (tests/selfcheck/test_form_parity.py).

export const FORM_URL = new URL("form.json", import.meta.url).href;

/** The form's description, fetched once per window (Material's instant navigation keeps the window). */
export function loadForm() {
  window.policyForm ??= fetch(FORM_URL).then((response) => {
    if (!response.ok) throw new Error(`${FORM_URL}: ${response.status}`);
    return response.json();
  });
  return window.policyForm;
}

/** Whether a question is asked given the answers to the questions before it: every input its `ask_if` names
 * holds one of the listed values (calculator/inputs.py, `Input.asked`). */
export function isAsked(askIf, answers) {
  if (!askIf) return true;
  return Object.entries(askIf).every(([other, allowed]) => other in answers && allowed.includes(answers[other]));
}

/** Go through `questions` in catalogue order, telling `answer(question, asked)` whether each is asked given the
 * answers kept so far; it returns the question's answer (undefined for none), which is kept if the question is
 * asked. Returns the answers kept (calculator/validation.py, `answers_asked`). */
export function keptAnswers(questions, answer) {
  const kept = {};
  for (const question of questions) {
    const asked = isAsked(question.ask_if, kept);
    const value = answer(question, asked);
    if (asked && value !== undefined) kept[question.id] = value;
  }
  return kept;
}

/** 2021-12-31 → 2021年12月31日, as the notice writes dates (calculator/dates.py, `zh_date`). */
export function chineseDate(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}
