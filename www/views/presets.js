// Presets: the file choices saved in this browser (by header), listed with a way to
// remove each, and exported to or imported from a file to share with a team.
import { el, clear } from './dom.js';
import { loadPresets, deletePreset, exportPresets, importPresets } from '../presets.js';

/** The saved presets in `holder`, each with a button that deletes it. */
export function renderPresets(holder, t) {
  const list = loadPresets();
  clear(holder).append(list.length ? t('presets.saved') : t('presets.none'));
  for (const p of list) {
    holder.append(el('span', { class: 'preset' }, ` ${p.name} `,
      el('button', { type: 'button', class: 'link', 'aria-label': t('preset.delete', { name: p.name }), text: '×',
        onclick: () => { deletePreset(p.name); renderPresets(holder, t); } })));
  }
}

/** The export and import buttons; `message(text, kind)` says how an import went, then
 *  `onChange()` redraws the list. */
export function wirePresetFiles($, t, fmt, message, onChange) {
  $('export-presets').addEventListener('click', exportPresets);
  $('import-presets').addEventListener('click', () => $('import-input').click());
  $('import-input').addEventListener('change', async (e) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      const { imported, refused, stored } = await importPresets(file);
      if (stored) message(t('preset.imported', { n: fmt.count(imported) }), 'info');
      else message(t('preset.no_storage'), 'error');
      for (const r of refused) message(t('preset.refused', { name: r.name, why: r.why }));
    } catch (err) {
      message(t('preset.bad_file', { file: file.name, error: err.message }));
    }
    onChange();
  });
}
