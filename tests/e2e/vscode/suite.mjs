// The extension in a real VS Code: code-server (started by run-vscode.sh with the VSIX installed) driven by
// headless Chromium through playwright-core. Every state is polled for; nothing sleeps a fixed time.
//
// usage: node suite.mjs URL WORKSPACE SHOTS_DIR USER_SETTINGS_JSON trusted|restricted MARKER_SCRIPT MARKER_FILE
// MARKER_SCRIPT is an executable that would create MARKER_FILE: workspace settings name it, and it must never run.
// "trusted": Workspace Trust off (every folder trusted), the full feature tour. "restricted": WORKSPACE is an
// untrusted folder (Workspace Trust on) whose .vscode/settings.json names MARKER_SCRIPT: Restricted Mode.
// Prints "PASS name" / "FAIL name: why" per check and ends with "N passed, N failed" (exit 1 on a failure).
// Screenshots of every step go to SHOTS_DIR; hover-readme.png is the cropped hover shown in the README.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [url, workspace, shots, userSettings, mode, markerScript, markerFile] = process.argv.slice(2);
const initialSettings = JSON.parse(fs.readFileSync(userSettings, 'utf8'));
const workspaceSettings = path.join(workspace, '.vscode', 'settings.json');
// Machine-scoped settings (lspGlossary.server.path) of a remote window, which code-server's windows are.
const machineSettings = path.join(path.dirname(path.dirname(userSettings)), 'Machine', 'settings.json');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const log = (message) => console.log(`[${elapsed()}] ${message}`);
let passed = 0;
let failed = 0;
let page;

/** Runs one check: a name, a body that throws on failure; a failure leaves a screenshot. */
async function check(name, body) {
  const start = Date.now();
  try {
    await body();
    passed++;
    console.log(`PASS ${name} (${((Date.now() - start) / 1000).toFixed(1)}s)`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${String(error?.message ?? error).split('\n')[0]}`);
    await shot(`FAIL-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
  }
}

async function shot(name, clip) {
  await page?.screenshot({ path: path.join(shots, `${name}.png`), clip }).catch(() => {});
}

/** Polls fn until it returns a truthy value; throws `what` after timeoutMs. */
async function poll(what, fn, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await page.waitForTimeout(100); // one polling interval, not a wait for a state
  }
}

const editor = () => page.locator('.editor-group-container.active .monaco-editor').first();

/** The text of the active editor's rendered lines (Monaco renders spaces as U+00A0). */
async function editorText() {
  const lines = await editor().locator('.view-line').allInnerTexts();
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

/** Opens a workspace file through Quick Open, waiting until the file is the focused row before Enter. */
async function openFile(name) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await visible(input, 'Quick Open');
  await input.fill(name);
  // The focused row, not any row: before the query applies, the list shows recently opened files.
  await visible(page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }), `${name} focused in Quick Open`);
  await page.keyboard.press('Enter');
  await visible(page.locator('.editor-group-container.active .tab.active', { hasText: name }), `the ${name} tab`);
  await visible(editor().locator('.view-line').first(), `the text of ${name}`);
}

/** Waits until locator is visible; the error names what was awaited. */
async function visible(locator, what, timeout = 15_000) {
  await locator.waitFor({ timeout }).catch(() => { throw new Error(`timed out after ${timeout / 1000}s waiting for ${what}`); });
}

/** The screen box of the nth occurrence of word in the active editor's rendered text. */
async function wordBox(word) {
  return poll(`"${word}" in the editor`, () => editor().evaluate((root, word) => {
    for (const line of root.querySelectorAll('.view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = node.data.indexOf(word);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + word.length);
        const b = range.getBoundingClientRect();
        return { x: b.x, y: b.y, width: b.width, height: b.height };
      }
    }
    return null;
  }, word), 15_000);
}

const center = (box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/** Hovers word until a hover containing expected shows (the extension host and server may still be starting). */
async function hover(word, expected) {
  const box = await wordBox(word);
  const shown = page.locator('.monaco-hover:visible', { hasText: expected }).first();
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(5, 5);
    const { x, y } = center(box);
    await page.mouse.move(x, y, { steps: 4 });
    try {
      await shown.waitFor({ timeout: 3_000 });
      return { box, hover: shown };
    } catch (error) {
      if (attempt >= 20) throw new Error(`no hover with "${expected}" over "${word}" after ${attempt} tries`);
      log(`no hover over ${word} yet (try ${attempt})`);
    }
  }
}

/** Presses key until target shows (the server may not have answered the first request yet). */
async function pressUntilVisible(key, target, what) {
  await poll(what, async () => {
    if (await target.isVisible()) return true;
    await page.keyboard.press(key);
    await target.waitFor({ timeout: 3_000 });
    return true;
  });
}

/**
 * Sets the user settings to the initial ones plus extra, as a user would: Preferences: Open User Settings
 * (JSON), replace the text, save; then checks the file on disk and goes back to the file `back`.
 */
async function setUserSettings(extra, back) {
  const wanted = { ...initialSettings, ...extra };
  await runCommand('Preferences: Open User Settings (JSON)');
  // Found by its text: a tab here ("workbench.editor.useModal": "off"), a modal editor by default in VS Code 1.139.
  const settingsEditor = page.locator('.monaco-editor', { has: page.locator('.view-line', { hasText: '"workbench.startupEditor"' }) }).first();
  await settingsEditor.locator('.view-line').first().click({ timeout: 15_000 });
  // Pasted, not typed: typing JSON would auto-close brackets and quotes.
  await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(wanted, null, 2));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await page.keyboard.press('Control+S');
  await poll('the settings saved', async () => {
    try { return JSON.stringify(JSON.parse(fs.readFileSync(userSettings, 'utf8'))) === JSON.stringify(wanted); } catch { return false; }
  }, 15_000);
  await openFile(back);
}

/** On a new last line of the active editor, types "We tried QL" until the suggest widget offers QLoRA. */
async function suggestQLoRA() {
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('We tried QL');
  await pressUntilVisible('Control+Space', page.locator('.suggest-widget .monaco-list-row', { hasText: 'QLoRA' }).first(), 'QLoRA in the suggest widget');
}

/**
 * Opens the language status hover (the "{}" beside the language mode in the status bar, which VS Code shows when a
 * language status item matches the active editor) until it lists an item whose text matches `text`; returns it.
 */
async function languageStatus(text) {
  const entry = page.locator('.statusbar-item[id="status.languageStatus"]');
  await visible(entry, 'the language status entry in the status bar');
  const item = page.locator('.hover-language-status', { hasText: text }).first();
  await poll(`a language status item with ${text}`, async () => {
    if (await item.isVisible()) return true;
    await page.keyboard.press('Escape');
    await entry.locator('a').first().click();
    await item.waitFor({ timeout: 3_000 });
    return true;
  });
  return item;
}

/**
 * The screen box of word in any cell editor of the shown notebook, or null. A notebook editor is drawn in an overlay
 * (.notebookOverlay) laid over the editor group, not inside it; hidden overlays (other notebooks) are skipped.
 */
function findInCells(word) {
  return page.evaluate((word) => {
    for (const line of document.querySelectorAll('.notebookOverlay .monaco-editor .view-line')) {
      if (!line.checkVisibility({ visibilityProperty: true })) continue;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = node.data.indexOf(word);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + word.length);
        const b = range.getBoundingClientRect();
        if (b.width > 0) return { x: b.x, y: b.y, width: b.width, height: b.height };
      }
    }
    return null;
  }, word);
}

const cellWordBox = (word) => poll(`"${word}" in a cell editor`, () => findInCells(word), 15_000);

/** Hovers word in a cell editor until a hover containing expected shows. */
async function hoverInCell(word, expected) {
  const shown = page.locator('.monaco-hover:visible', { hasText: expected }).first();
  for (let attempt = 1; ; attempt++) {
    const box = await cellWordBox(word);
    await page.mouse.move(5, 5);
    const { x, y } = center(box);
    await page.mouse.move(x, y, { steps: 4 });
    try {
      await shown.waitFor({ timeout: 3_000 });
      return shown;
    } catch (error) {
      if (attempt >= 20) throw new Error(`no hover with "${expected}" over "${word}" in a cell after ${attempt} tries`);
      log(`no hover over ${word} in a cell yet (try ${attempt})`);
    }
  }
}

const squiggles = (kind) => page.locator(`.editor-group-container.active .squiggly-${kind}`).count();

/** Where the RAG entry starts in the repository's copy of its bundled file: VS Code's "Ln L, Col C" there. */
function ragEntryPosition() {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'glossary', 'prompting-evaluation-safety.yaml');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes('- id: rag'));
  return `Ln ${line + 1}, Col ${lines[line].indexOf('id:') + 1}`;
}

/**
 * Go to Symbol in Workspace (Quick Open with "#") for 检索增强生成 until RAG is offered; opening it shows the bundled
 * glossary file (embedded in the server, read through the extension's lsp-glossary-bundled: provider) at the entry.
 */
async function openBundledRag(shotName) {
  await openFile('notes.md'); // a served document: the extension is active and its server started
  const input = page.locator('.quick-input-widget input');
  const rag = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'RAG' }).first();
  await poll('RAG among the workspace symbols for 检索增强生成', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    await visible(input, 'Quick Open');
    await input.fill('#检索增强生成');
    await rag.waitFor({ timeout: 5_000 });
    return true;
  }, 45_000);
  await shot(`${shotName}-symbol`);
  await page.keyboard.press('Enter');
  await visible(page.locator('.editor-group-container.active .tab.active', { hasText: 'prompting-evaluation-safety.yaml' }), 'the bundled file\'s tab');
  await poll('the RAG entry in the editor', async () => /id: rag/.test(await editorText()) && /检索增强生成/.test(await editorText()));
  const expected = ragEntryPosition();
  const selection = page.locator('.statusbar-item[id="status.editor.selection"]');
  await poll(`the cursor at the entry (${expected})`, async () => (await selection.innerText()).includes(expected), 15_000);
  await shot(`${shotName}-entry`);
}

/** Runs a command from the command palette by its title. */
async function runCommand(title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`>${title}`);
  await visible(page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }), `${title} focused in the palette`);
  await page.keyboard.press('Enter');
}

/** Workspace Trust off: hover, problems, quick fix, completion, settings, Fix All, the server's location. */
async function trustedChecks() {
  await check('Markdown: hover over RLHF shows its definition', async () => {
    await openFile('notes.md');
    const { box, hover: shown } = await hover('RLHF', 'Reinforcement Learning from Human Feedback');
    const text = await shown.innerText();
    if (!/人类反馈强化学习/.test(text)) throw new Error(`the hover lacks the Chinese name: ${JSON.stringify(text)}`);
    await shot('1-hover-markdown');
    // The README's screenshot: from the editor's left edge, the line above the hovered one down to the hover.
    const h = await shown.boundingBox();
    const e = await editor().boundingBox();
    const x = Math.max(0, Math.min(e.x, h.x));
    const y = Math.max(0, Math.min(box.y - box.height * 2, h.y) - 8);
    const right = Math.min(1280, Math.max(box.x + box.width, h.x + h.width) + 24);
    const bottom = Math.min(800, Math.max(box.y + box.height, h.y + h.height) + 16);
    await shot('hover-readme', { x, y, width: right - x, height: bottom - y });
  });

  await check('the language status item shows the number of terms while a Markdown file is active; its link shows the output', async () => {
    const item = await languageStatus(/\d+ terms/); // from the server's lspGlossary/status
    log(`language status: ${JSON.stringify((await item.innerText()).replace(/\s+/g, ' ').trim())}`);
    if (!/LSP Glossary/.test(await item.innerText())) throw new Error('the item does not name LSP Glossary');
    await shot('1b-language-status');
    await item.getByText('Show Output').click();
    await page.locator('.part.panel .monaco-editor .view-line', { hasText: 'Starting' }).first().waitFor({ timeout: 15_000 });
  });

  await check('Markdown: the Problems panel lists the wrong spelling Lora', async () => {
    await page.keyboard.press('Escape');
    await runCommand('Focus on Problems View');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: "'Lora' is not the glossary's spelling" }).first();
    await row.waitFor({ timeout: 30_000 });
    await shot('2-problems-panel');
  });

  await check('Markdown: the quick fix turns Lora into LoRA', async () => {
    await editor().click({ position: { x: 5, y: 5 } }).catch(() => {}); // focus back on the editor
    const box = await wordBox('Lora');
    await page.mouse.click(box.x + 2, box.y + box.height / 2);
    const action = page.locator('.action-widget .monaco-list-row', { hasText: "Change 'Lora' to 'LoRA'" }).first();
    await pressUntilVisible('Control+.', action, 'the quick fix menu');
    await shot('3-quick-fix-menu');
    await action.click();
    await poll('LoRA in the editor', async () => {
      const text = await editorText();
      return /使用LoRA微调/.test(text) && !/\bLora\b/.test(text);
    });
    await shot('4-quick-fix-applied');
  });

  await check('Markdown: typing QL offers QLoRA in the suggest widget', async () => {
    await suggestQLoRA();
    await shot('5-completion');
    await page.keyboard.press('Enter');
    await poll('QLoRA inserted', async () => /We tried QLoRA/.test(await editorText()));
  });

  await check('Python: hover over a term in a # comment', async () => {
    await openFile('train.py');
    await hover('RLHF', 'Reinforcement Learning from Human Feedback');
    await shot('6-hover-python');
  });

  await check('Shift+F12 on RLHF lists its uses in two files', async () => {
    await openFile('notes.md');
    const box = await wordBox('RLHF');
    await page.mouse.click(box.x + 2, box.y + box.height / 2);
    const peek = page.locator('.peekview-widget');
    const row = (name) => peek.locator('.monaco-list-row', { hasText: name }).first();
    await pressUntilVisible('Shift+F12', row('train.py'), 'train.py in the references peek');
    await visible(row('notes.md'), 'notes.md in the references peek');
    await shot('6e-references');
    await page.keyboard.press('Escape');
  });

  await check('the code lens over a team glossary entry counts its uses and opens them', async () => {
    await openFile('team.glossary.yaml');
    const lens = page.locator('.editor-group-container.active .codelens-decoration', { hasText: '2 uses in 1 file' }).first();
    await visible(lens, 'the code lens "2 uses in 1 file"', 30_000);
    await shot('6f-code-lens');
    await lens.locator('a').first().click();
    await visible(page.locator('.peekview-widget .monaco-list-row', { hasText: 'team.md' }).first(), 'team.md in the peek the lens opens');
    await page.keyboard.press('Escape');
  });

  await check('a project config sets one term\'s severity: the squiggle turns into an error, and back', async () => {
    const config = path.join(workspace, '.lsp-glossary.yaml');
    await openFile('config.md');
    await poll('a warning squiggle under Lora', async () => (await squiggles('warning')) > 0);
    fs.writeFileSync(config, 'terms:\n  lora: error\n');
    await poll('an error squiggle under Lora', async () => (await squiggles('error')) > 0 && (await squiggles('warning')) === 0, 30_000);
    await shot('6h-config-error');
    fs.rmSync(config);
    await poll('the warning squiggle again', async () => (await squiggles('warning')) > 0 && (await squiggles('error')) === 0, 30_000);
  });

  await check('"Accept as a spelling" writes the team glossary and the finding goes away', async () => {
    await openFile('config.md');
    await poll('a warning squiggle under Lora', async () => (await squiggles('warning')) > 0);
    const box = await wordBox('Lora');
    await page.mouse.click(box.x + 2, box.y + box.height / 2);
    const action = page.locator('.action-widget .monaco-list-row', { hasText: "Accept 'Lora' as a spelling of LoRA" }).first();
    await pressUntilVisible('Control+.', action, 'the accept action');
    await action.click();
    await poll('no warning under Lora', async () => (await squiggles('warning')) === 0, 30_000);
    await shot('6i-accepted');
  });

  await check('"Add to the team glossary" on an unknown acronym creates the entry, and the hover shows it', async () => {
    await openFile('acronym.md');
    const box = await wordBox('QZX');
    await page.mouse.click(box.x + 2, box.y + box.height / 2);
    const action = page.locator('.action-widget .monaco-list-row', { hasText: "Add 'QZX' to the team glossary" }).first();
    await pressUntilVisible('Control+.', action, 'the add action');
    await action.click();
    // The snippet edit leaves the cursor in the new entry's definition: the glossary is the active editor, with the
    // placeholder selected (the status bar's "Ln …, Col … (N selected)").
    await visible(page.locator('.editor-group-container.active .tab.active', { hasText: 'team.glossary.yaml' }), 'team.glossary.yaml active after the edit', 30_000);
    const placeholder = 'TODO: what QZX means';
    await poll('the definition placeholder selected', async () =>
      new RegExp(`\\(${placeholder.length} selected\\)`).test(await page.locator('#status\\.editor\\.selection').innerText()), 15_000);
    await openFile('team.glossary.yaml');
    await poll('the new entry in the team glossary', async () => /term: QZX/.test(await editorText()), 30_000);
    await shot('6j-added');
    await openFile('acronym.md');
    await hover('QZX', 'team.glossary.yaml');
  });

  await check('F2 renames a team term in the glossary and in a document', async () => {
    await openFile('team.md');
    const box = await wordBox('ZorbNet');
    await page.mouse.click(box.x + 2, box.y + box.height / 2);
    const input = page.locator('.rename-box input').first();
    await pressUntilVisible('F2', input, 'the rename box');
    if ((await input.inputValue()) !== 'ZorbNet') throw new Error(`the rename box holds ${JSON.stringify(await input.inputValue())}`);
    await input.fill('ZorbNetX');
    await page.keyboard.press('Enter');
    await poll('ZorbNetX twice in team.md', async () => ((await editorText()).match(/ZorbNetX/g) ?? []).length === 2);
    await shot('6g-renamed');
    await openFile('team.glossary.yaml');
    await poll('the new term in the glossary', async () => /term: ZorbNetX/.test(await editorText()));
    await runCommand('File: Save All');
  });

  await check('Notebook: hover over a term in a Python code cell\'s comment', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await visible(input, 'Quick Open');
    await input.fill('notebook.ipynb');
    await visible(page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'notebook.ipynb' }), 'notebook.ipynb focused in Quick Open');
    await page.keyboard.press('Enter');
    await visible(page.locator('.notebookOverlay:visible'), 'the notebook editor', 30_000);
    await hoverInCell('PPO', 'Proximal Policy Optimization');
    await shot('6b-hover-notebook-code-cell');
  });

  await check('Notebook: the Problems panel lists the wrong spelling QLORA of a Markdown cell', async () => {
    await runCommand('Focus on Problems View');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: "'QLORA' is not the glossary's spelling" }).first();
    await row.waitFor({ timeout: 30_000 });
    await shot('6c-problems-notebook');
  });

  await check('Notebook: hover over a term in a Markdown cell (in edit mode)', async () => {
    // A Markdown cell shows rendered (in the notebook's webview) until it is edited. With the keyboard, as a user
    // would: click into the code cell below it, Escape (command mode), Up (the Markdown cell), Enter (edit it).
    await poll('the Markdown cell in edit mode', async () => {
      if (await findInCells('RLHF')) return true;
      const code = await findInCells('steps');
      if (!code) return false;
      await page.mouse.click(code.x + code.width / 2, code.y + code.height / 2);
      await page.keyboard.press('Escape');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500); // one polling interval
      if (await findInCells('RLHF')) return true;
      log(`not in edit mode yet; rows: ${await page.evaluate(() => [...document.querySelectorAll('.notebookOverlay .monaco-list-row')]
        .map((r) => `${r.className} ${Math.round(r.getBoundingClientRect().height)}`).join(' | '))}`);
      return false;
    }, 45_000);
    await hoverInCell('RLHF', 'Reinforcement Learning from Human Feedback');
    await shot('6d-hover-notebook-markdown-cell');
    await page.keyboard.press('Escape');
  });

  await check('a settings change reaches the server without a restart (severity: error)', async () => {
    await openFile('fix-all.md');
    await wordBox('Qlora');
    await poll('two warnings on fix-all.md', async () => (await squiggles('warning')) >= 2);
    await setUserSettings({ 'lspGlossary.diagnostics.severity': 'error' }, 'fix-all.md');
    await poll('two errors on fix-all.md', async () => (await squiggles('error')) >= 2 && (await squiggles('warning')) === 0);
    await shot('7-severity-error');
    await setUserSettings({}, 'fix-all.md');
    await poll('warnings again', async () => (await squiggles('warning')) >= 2);
  });

  await check('the Fix All command fixes every spelling in the file', async () => {
    await runCommand('LSP Glossary: Fix All Glossary Spellings in File');
    await poll('every spelling fixed', async () => {
      const text = await editorText();
      return /QLoRA/.test(text) && /MoE/.test(text) && !/Qlora|MOE/.test(text);
    });
    await shot('8-fix-all');
  });

  await check('Go to Symbol in Workspace: 检索增强生成 finds RAG, which opens the bundled glossary at its entry', async () => {
    await openBundledRag('8b-bundled-rag');
  });

  await check('a workspace cannot choose the server: its server.path is ignored, the output says so', async () => {
    fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    fs.writeFileSync(workspaceSettings, JSON.stringify({ 'lspGlossary.server.path': markerScript }));
    await runCommand('LSP Glossary: Restart Server');
    await runCommand('LSP Glossary: Show Output');
    await page.locator('.part.panel .monaco-editor .view-line', { hasText: 'it is ignored' }).first().waitFor({ timeout: 30_000 });
    await shot('9-workspace-server-path-ignored');
    await openFile('notes.md');
    await hover('RLHF', 'Reinforcement Learning from Human Feedback');
    if (fs.existsSync(markerFile)) throw new Error('the executable named by the workspace settings ran');
    fs.writeFileSync(workspaceSettings, '{}');
  });

  await check('a glossary file that workspace settings name outside the workspace is not read, and the output says so', async () => {
    const outside = path.join(path.dirname(workspace), 'outside-credentials.yaml');
    fs.writeFileSync(outside, 'API_KEY: hunter2-not-for-the-editor\n');
    fs.writeFileSync(workspaceSettings, JSON.stringify({ 'lspGlossary.glossaryFiles': [outside] }));
    await runCommand('LSP Glossary: Show Output');
    await page.locator('.part.panel .monaco-editor .view-line', { hasText: 'outside every workspace folder' }).first().waitFor({ timeout: 30_000 });
    await shot('9b-outside-glossary-not-read');
    await openFile('notes.md');
    await hover('RLHF', 'Reinforcement Learning from Human Feedback');
    if (await page.getByText('hunter2').count() > 0) throw new Error('the outside file reached the window');
    fs.writeFileSync(workspaceSettings, '{}');
  });

  await check('a missing server: an error notification whose button opens the output channel', async () => {
    // A machine-scoped setting: in code-server (a remote window) it is read from the Machine settings.
    fs.mkdirSync(path.dirname(machineSettings), { recursive: true });
    fs.writeFileSync(machineSettings, JSON.stringify({ 'lspGlossary.server.path': '/nonexistent/lsp-glossary' }));
    const toast = page.locator('.notification-toast', { hasText: 'which is not an executable file' }).first();
    await toast.waitFor({ timeout: 30_000 });
    await shot('9-missing-server');
    await toast.getByRole('button', { name: 'Show Output' }).click();
    await page.locator('.part.panel .monaco-editor .view-line', { hasText: 'Checked, in order' }).first().waitFor({ timeout: 15_000 });
    await shot('10-output-channel');
  });

  await check('clearing the setting restarts the bundled server: hover works again', async () => {
    fs.writeFileSync(machineSettings, '{}');
    await openFile('notes.md');
    await hover('RLHF', 'Reinforcement Learning from Human Feedback');
  });
}

/** An untrusted folder in Restricted Mode: the bundled server with bundled and workspace glossaries; the marker never runs. */
async function restrictedChecks() {
  await check('the folder is open in Restricted Mode', async () => {
    await visible(page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first(), 'the Restricted Mode status bar item');
  });

  await check('Restricted Mode: hover over RLHF (bundled glossary)', async () => {
    await openFile('notes.md');
    await hover('RLHF', 'Reinforcement Learning from Human Feedback');
    await shot('restricted-1-hover');
  });

  await check('Restricted Mode: hover over a term of the workspace glossary', async () => {
    await hover('ZorbNet', 'Zero-Order Retrieval Backbone');
    await shot('restricted-2-hover-workspace-term');
  });

  await check('Restricted Mode: the Problems panel lists the wrong spelling Lora', async () => {
    await runCommand('Focus on Problems View');
    await page.locator('.markers-panel .monaco-list-row', { hasText: "'Lora' is not the glossary's spelling" }).first().waitFor({ timeout: 30_000 });
    await shot('restricted-3-problems');
  });

  await check('Restricted Mode: typing QL offers QLoRA', async () => {
    await openFile('notes.md');
    await suggestQLoRA();
    await page.keyboard.press('Escape');
    await shot('restricted-4-completion');
  });

  await check('Restricted Mode: Go to Symbol in Workspace opens the bundled entry of RAG', async () => {
    await openBundledRag('restricted-4b-bundled-rag');
  });

  await check('Restricted Mode: the output channel says the workspace server.path is ignored', async () => {
    await runCommand('LSP Glossary: Show Output');
    await page.locator('.part.panel .monaco-editor .view-line', { hasText: 'it is ignored' }).first().waitFor({ timeout: 30_000 });
    await shot('restricted-5-output');
  });

  await check('the executable named by the untrusted folder never ran', async () => {
    await runCommand('LSP Glossary: Restart Server');
    await openFile('notes.md');
    await hover('RLHF', 'Reinforcement Learning from Human Feedback');
    if (fs.existsSync(markerFile)) throw new Error(`${markerFile} exists: ${markerScript} ran`);
  });
}

async function main() {
  fs.mkdirSync(shots, { recursive: true });
  const profile = fs.mkdtempSync(path.join(path.dirname(shots), 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath, headless: true, viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(30_000);
  try {
    await check('the workbench opens the workspace', async () => {
      await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
      await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'notes.md' }).waitFor({ timeout: 60_000 });
      log('workbench ready');
    });

    if (mode === 'restricted') await restrictedChecks();
    else await trustedChecks();
  } finally {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  failed++;
  console.log(`FAIL the suite stopped: ${error?.message ?? error}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
