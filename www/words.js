// The engine hands the page codes and values; these word them in the page's language
// (message keys in messages/*.js): why a figure is not computable (`reason_code`,
// src/reason.rs), what is wrong with a value (a problem's `reason_code`,
// src/problems.rs), why a file was not read and how it was (`error.reason_code`,
// `note_codes`, src/ingest/notes.rs), and the stalled-deal rule (`rule_code`). Each
// code's message in every language is checked by the engine's tests.

/** A field in the page's language, with the engine's name it is mapped by: "创建日期 (created_date)"
 *  (in English the engine's name alone: it is English). */
export function fieldName(name, t) {
  return t.locale !== 'en' && t.has(`field.${name}`) ? `${t(`field.${name}`)} (${name})` : name;
}

/** "created_date, closed_date" (as the engine lists fields), each in the page's language. */
function fieldList(list, t) {
  return list ? list.split(', ').map((f) => fieldName(f.trim(), t)).join(t('list.sep')) : list;
}

/** `params` with the numbers named in `keys` in the page's digits. */
function numbers(params, keys, fmt) {
  const p = { ...params };
  for (const k of keys) if (k in p && fmt) p[k] = fmt.days1(Number(p[k]));
  return p;
}

/** The kind of file a metric, table or series waits for (`leads`), or null. */
export function neededFile(holder) {
  const code = holder?.reason_code;
  return code?.code === 'needs_file' ? code.params.file : null;
}

/** Why a metric, table or series is not computable (its English `reason` when it has no code). */
export function whyText(holder, t, fmt = null) {
  return holder?.reason_code ? byCode(holder.reason_code, t, fmt) : String(holder?.reason ?? '');
}

function byCode({ code, params = {} }, t, fmt) {
  const p = numbers(params, ['n', 'need', 'has'], fmt);
  switch (code) {
    case 'division_by': return t('reason.division_by', { why: byCode(params.why, t, fmt) });
    case 'needs_columns': p.columns = params.columns.map((f) => fieldName(f, t)).join(t('list.sep')); break;
    case 'needs_file': p.file = t.has(`file.${params.file}`) ? t(`file.${params.file}`) : `${params.file} (${params.fields})`; break;
    case 'mixed_currencies': p.codes = params.codes.join(t('list.sep')); break;
    default:
  }
  return t(`reason.${code}`, p);
}

/** What is wrong with a value of the files. */
export function problemText(problem, t, fmt = null) {
  const rc = problem.reason_code;
  return rc ? t(`problem.${rc.code}`, numbers(rc.params, ['n', 'header', 'min', 'max'], fmt)) : problem.reason;
}

/** Why a column was taken for its field (its `why`): "header holds “sales” · numbers". */
export function columnWhyText(why, t) {
  return why ? `${t(`column_why.${why.by}`, { words: why.words })} · ${t(`column_values.${why.values}`)}` : '';
}

/** Why a file was not read (its `error`). */
export function fileErrorText(error, t) {
  const rc = error.reason_code;
  if (!rc) return error.message;
  const p = { ...rc.params, needs: fieldList(rc.params.needs, t), missing: fieldList(rc.params.missing, t) };
  for (const k of ['kind', 'other']) if (p[k] && t.has(`kind.${p[k]}`)) p[k] = t(`kind.${p[k]}`);
  return t(`file_error.${rc.code}`, p);
}

/** How a file was read: one of its `note_codes`. */
export function noteText(code, t, fmt = null) {
  const p = numbers(code.params, ['n', 'row', 'max', 'cancelled', 'refunded'], fmt);
  if (p.kind && t.has(`kind.${p.kind}`)) p.kind = t(`kind.${p.kind}`);
  return t(`file_note.${code.code}`, p);
}

/** The rule that makes a deal stalled (`rule_code`), or its English `rule`. */
export function ruleText(holder, t, fmt = null) {
  const rc = holder?.rule_code;
  return rc ? t(`stalled.rule.${rc.code}`, numbers(rc.params, ['days'], fmt)) : String(holder?.rule ?? '');
}
