-- End-to-end test of the published lsp-glossary binary through Neovim's built-in LSP client (0.7.2).
-- Run: LSP_GLOSSARY_SERVER=... E2E_WORK=<tmpdir> nvim --headless -n -i NONE --noplugin -u glossary_spec.lua
-- Every check writes one line, "PASS name" or "FAIL name: detail", to stdout and to $E2E_WORK/results.txt.
-- Assertions rely only on terms, expansions and variants, never on definition wording.

local server = os.getenv('LSP_GLOSSARY_SERVER')
local work = os.getenv('E2E_WORK') or vim.fn.tempname()
vim.fn.mkdir(work, 'p')
local results_file = work .. '/results.txt'
local results = {}

local function report(line)
  table.insert(results, line)
  vim.fn.writefile(results, results_file)
  io.stdout:write(line .. '\n')
  io.stdout:flush()
end

local function check(name, fn)
  local ok, err = pcall(fn)
  if ok then
    report('PASS ' .. name)
  else
    report('FAIL ' .. name .. ': ' .. tostring(err):gsub('\n', ' | '))
  end
  return ok
end

local function expect(cond, msg)
  if not cond then error(msg, 2) end
end

local function eq(actual, expected, what)
  if not vim.deep_equal(actual, expected) then
    error(string.format('%s: expected %s, got %s', what, vim.inspect(expected, { newline = '' }), vim.inspect(actual, { newline = '' })), 2)
  end
end

local function finish()
  vim.fn.writefile(results, results_file)
  vim.cmd('qa!')
end

if not server or server == '' or vim.fn.executable(server) ~= 1 then
  report('FAIL server binary: not executable: ' .. tostring(server))
  finish()
  return
end

-- ------------------------------------------------------------------------------------------ setup

local doc = work .. '/notes.md'
vim.fn.writefile({
  '# Notes',                                  -- 0
  '',                                         -- 1
  'We align the model with RLHF after SFT.',  -- 2
  'We fine-tune with Lora today.',            -- 3
  'We use QL',                                -- 4
}, doc)

local did_changes = {} -- every didChange params Neovim sent
local raw_publishes = {} -- every publishDiagnostics params, as the server sent them (UTF-16 ranges)
local initialized = false
local exit_code, exit_signal
local client_id = vim.lsp.start_client({
  name = 'lsp-glossary',
  cmd = { server, '--stdio' },
  root_dir = work,
  offset_encoding = 'utf-16',
  -- The typed prefix 'QL' (line 4, for completion) is an acronym no glossary knows: that rule's hint is not
  -- what these checks count, so it is off here (its own tests are RuleTests and RuleProtocolTests).
  init_options = { lspGlossary = { rules = { ['glossary.unknown-acronym'] = 'off' } } },
  flags = { debounce_text_changes = 0 },
  on_init = function() initialized = true end,
  on_exit = function(code, signal) exit_code, exit_signal = code, signal end,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      table.insert(raw_publishes, result)
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
})

vim.cmd('edit ' .. vim.fn.fnameescape(doc))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'markdown'
local uri = vim.uri_from_bufnr(bufnr)

local started = check('initialize', function()
  expect(client_id, 'start_client returned nil')
  expect(vim.wait(15000, function() return initialized end, 10), 'no initialize response within 15 s')
  local client = vim.lsp.get_client_by_id(client_id)
  local caps = client.server_capabilities or client.resolved_capabilities
  expect(caps.hoverProvider, 'no hoverProvider')
  expect(caps.completionProvider, 'no completionProvider')
  expect(caps.codeActionProvider, 'no codeActionProvider')
  local sync = caps.textDocumentSync
  eq(type(sync) == 'table' and sync.change or sync, 2, 'textDocumentSync.change')
  -- Record what Neovim sends as didChange, to check that it sends incremental (ranged) changes.
  local notify = client.notify
  client.notify = function(method, params)
    if method == 'textDocument/didChange' then table.insert(did_changes, params) end
    return notify(method, params)
  end
  vim.lsp.buf_attach_client(bufnr, client_id)
end)
if not started then finish() return end

local function request(method, params, timeout)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout or 10000)
  expect(responses, method .. ': ' .. tostring(err))
  local r = responses[client_id]
  expect(r, method .. ': no response from the client')
  expect(not r.err, method .. ' error: ' .. vim.inspect(r.err, { newline = '' }))
  return r.result
end

local function hover_at(line, character)
  return request('textDocument/hover', { textDocument = { uri = uri }, position = { line = line, character = character } })
end

--- The newest publishDiagnostics for this buffer, or nil.
local function latest_publish()
  for i = #raw_publishes, 1, -1 do
    if raw_publishes[i].uri == uri then return raw_publishes[i] end
  end
end

local function ns() return vim.lsp.diagnostic.get_namespace(client_id) end

--- Waits until the newest publication matches pred(diagnostics); returns it.
local function wait_diagnostics(pred, what)
  local p
  local ok = vim.wait(10000, function()
    p = latest_publish()
    return p ~= nil and p.version == vim.lsp.util.buf_versions[bufnr] and pred(p.diagnostics)
  end, 10)
  expect(ok, 'timed out waiting for ' .. what .. '; last publish: ' .. vim.inspect(p, { newline = '' })
    .. ' buffer version ' .. tostring(vim.lsp.util.buf_versions[bufnr]))
  return p
end

-- ------------------------------------------------------------------------------------------ checks

check('hover on RLHF', function()
  vim.api.nvim_win_set_cursor(0, { 3, 26 }) -- 1-based line, 0-based byte column: inside "RLHF"
  local params = vim.lsp.util.make_position_params()
  eq(params.position, { line = 2, character = 26 }, 'position params')
  local h = request('textDocument/hover', params)
  expect(h and h.contents, 'hover returned nil')
  local md = type(h.contents) == 'table' and (h.contents.value or '') or tostring(h.contents)
  expect(md:find('Reinforcement Learning from Human Feedback', 1, true), 'no expansion in hover: ' .. md)
  eq(h.range, { start = { line = 2, character = 24 }, ['end'] = { line = 2, character = 28 } }, 'hover range')
  local rendered = vim.lsp.util.convert_input_to_markdown_lines(h.contents)
  expect(#rendered > 0, 'nvim renders no hover lines')
end)

check('completion QL -> QLoRA', function()
  local result = request('textDocument/completion', { textDocument = { uri = uri }, position = { line = 4, character = 9 } })
  expect(result, 'completion returned nil')
  local items = result.items or result
  local labels, found = {}, nil
  for _, item in ipairs(items) do
    table.insert(labels, item.label)
    if item.label == 'QLoRA' then found = item end
  end
  expect(found, 'QLoRA not offered; got ' .. table.concat(labels, ', '))
  expect(found.textEdit, 'QLoRA has no textEdit')
  eq(found.textEdit.range, { start = { line = 4, character = 7 }, ['end'] = { line = 4, character = 9 } }, 'textEdit range')
  eq(found.textEdit.newText, 'QLoRA', 'textEdit newText')
end)

local lora_diag
check('diagnostics for Lora appear', function()
  local p = wait_diagnostics(function(d) return #d > 0 end, 'a diagnostic')
  eq(#p.diagnostics, 1, 'number of diagnostics')
  lora_diag = p.diagnostics[1]
  eq(lora_diag.code, 'glossary.wrong-variant', 'code')
  eq(lora_diag.severity, 2, 'severity')
  eq(lora_diag.range, { start = { line = 3, character = 18 }, ['end'] = { line = 3, character = 22 } }, 'range')
  local vd = vim.diagnostic.get(bufnr, { namespace = ns() })
  eq(#vd, 1, 'vim.diagnostic.get count')
  eq({ vd[1].lnum, vd[1].col, vd[1].end_col, vd[1].severity }, { 3, 18, 22, vim.diagnostic.severity.WARN }, 'vim diagnostic')
end)

check('quick fix changes Lora to LoRA and the diagnostic goes away', function()
  expect(lora_diag, 'no diagnostic from the previous check')
  local actions = request('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = lora_diag.range,
    context = { diagnostics = { lora_diag }, only = { 'quickfix' } },
  })
  expect(actions and #actions > 0, 'no code actions')
  local fix
  -- The spelling fix, not the other quick fixes on a finding (ignore on this line, accept, disable).
  for _, a in ipairs(actions) do
    if a.kind == 'quickfix' and a.title:find('^Change ') then fix = a; break end
  end
  expect(fix and fix.edit, 'no quickfix with an edit: ' .. vim.inspect(actions, { newline = '' }))
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  eq(vim.api.nvim_buf_get_lines(bufnr, 3, 4, true)[1], 'We fine-tune with LoRA today.', 'buffer line after the fix')
  wait_diagnostics(function(d) return #d == 0 end, 'no diagnostics')
  expect(vim.wait(2000, function() return #vim.diagnostic.get(bufnr, { namespace = ns() }) == 0 end, 10),
    'vim.diagnostic.get still has diagnostics')
end)

check('an emoji inserted before a term moves the diagnostic by 2 UTF-16 columns', function()
  -- Bring the wrong spelling back (an incremental change), then insert an emoji before it.
  vim.api.nvim_buf_set_text(bufnr, 3, 18, 3, 22, { 'Lora' })
  local p = wait_diagnostics(function(d) return #d == 1 end, 'the Lora diagnostic again')
  eq(p.diagnostics[1].range.start, { line = 3, character = 18 }, 'range before the emoji')
  vim.api.nvim_buf_set_text(bufnr, 3, 3, 3, 3, { '😀' }) -- byte column 3: before "fine-tune"
  eq(vim.api.nvim_buf_get_lines(bufnr, 3, 4, true)[1], 'We 😀fine-tune with Lora today.', 'buffer line')
  p = wait_diagnostics(function(d) return #d == 1 and d[1].range.start.character ~= 18 end, 'the shifted diagnostic')
  local last = did_changes[#did_changes]
  expect(last and last.contentChanges[1].range, 'Neovim did not send an incremental change: ' .. vim.inspect(last, { newline = '' }))
  eq(last.contentChanges[#last.contentChanges].range.start, { line = 3, character = 3 }, 'didChange range start')
  eq(p.diagnostics[1].range, { start = { line = 3, character = 20 }, ['end'] = { line = 3, character = 24 } }, 'UTF-16 range after the emoji')
  -- Neovim converts to byte columns: the emoji is 4 bytes in UTF-8.
  expect(vim.wait(2000, function()
    local vd = vim.diagnostic.get(bufnr, { namespace = ns() })
    return #vd == 1 and vd[1].col == 22 and vd[1].end_col == 26
  end, 10), 'vim diagnostic byte columns: ' .. vim.inspect(vim.diagnostic.get(bufnr, { namespace = ns() }), { newline = '' }))
end)

check('hover still works after the emoji', function()
  vim.api.nvim_win_set_cursor(0, { 4, 23 }) -- byte column 23 = inside "Lora"
  local params = vim.lsp.util.make_position_params()
  eq(params.position, { line = 3, character = 21 }, 'UTF-16 position params')
  local h = request('textDocument/hover', params)
  expect(h and h.contents, 'hover returned nil')
  expect((h.contents.value or ''):find('Low-Rank Adaptation', 1, true), 'no LoRA expansion: ' .. tostring(h.contents.value))
  eq(h.range, { start = { line = 3, character = 20 }, ['end'] = { line = 3, character = 24 } }, 'hover range')
  local h2 = hover_at(2, 25)
  expect(h2 and (h2.contents.value or ''):find('Reinforcement Learning from Human Feedback', 1, true), 'RLHF hover on the untouched line')
end)

check('stop_client exits cleanly', function()
  vim.lsp.stop_client(client_id) -- shutdown, then exit
  expect(vim.wait(10000, function() return exit_code ~= nil end, 10), 'the server did not exit within 10 s')
  eq(exit_code, 0, 'exit code')
  eq(exit_signal, 0, 'exit signal')
  expect(vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 10), 'client still registered')
end)

-- ------------------------------------------- the Neovim 0.11 config file, docs/editors/nvim/lsp/lsp_glossary.lua
-- Neovim 0.7 has no vim.lsp.config / vim.lsp.enable: the file's table is loaded with dofile and its cmd (found on
-- PATH, as `lsp-glossary`), filetypes, root_markers and settings start a client the way vim.lsp.enable would
-- (a root found by a marker, attached on FileType, the settings sent once initialized). vim.lsp.enable itself is
-- not exercised here.

local config_file = os.getenv('LSP_GLOSSARY_NVIM_CONFIG') or ''
local project = work .. '/project'
vim.fn.mkdir(project .. '/.git', 'p')
vim.fn.mkdir(project .. '/docs', 'p')
vim.fn.writefile({
  'terms:',
  '  - id: zorbnet',
  '    term: ZorbNet',
  '    expansion: Zero-Order Retrieval Backbone',
  '    definition:',
  '      en: A made-up term of this project.',
}, project .. '/team.glossary.yaml')
vim.fn.writefile({ '# Guide', '', 'We align it with RLHF and ZorbNet.', 'We fine-tune with Lora.' }, project .. '/docs/guide.md')
vim.fn.writefile({ '// Align the policy with PPO.', 'class Trainer {}' }, project .. '/docs/Trainer.cs')

local config, config_client, config_exit, config_initialized
local config_publishes = {}
local function config_request(buf, method, params)
  local responses, err = vim.lsp.buf_request_sync(buf, method, params, 10000)
  expect(responses, method .. ': ' .. tostring(err))
  local r = responses[config_client]
  expect(r and not r.err, method .. ': ' .. vim.inspect(r, { newline = '' }))
  return r.result
end

local config_started = check('lsp_glossary.lua: a table with cmd, filetypes, root_markers and settings', function()
  config = dofile(config_file)
  eq(type(config), 'table', 'what the file returns')
  eq(config.cmd, { 'lsp-glossary', '--stdio' }, 'cmd')
  expect(vim.fn.exepath(config.cmd[1]) ~= '', 'lsp-glossary is not on PATH')
  for _, ft in ipairs({ 'markdown', 'python', 'cs', 'sh', 'make' }) do
    expect(vim.tbl_contains(config.filetypes, ft), 'filetypes lack ' .. ft)
  end
  expect(type(config.root_markers) == 'table' and #config.root_markers > 0, 'no root_markers')
  expect(config.settings and config.settings.lspGlossary, 'no settings.lspGlossary')
end)

if config_started then
  check('lsp_glossary.lua starts the server on 0.7: hover, settings, root and workspace glossary', function()
    -- The root as vim.lsp.enable finds it: the nearest folder above the file that holds a root marker.
    local marker = vim.fn.finddir(config.root_markers[1], project .. '/docs;')
    expect(marker ~= '', 'no root marker found above docs/')
    local root = vim.fn.fnamemodify(marker, ':p:h:h')
    eq(root, project, 'root')
    -- A user's override, merged as vim.lsp.config('lsp_glossary', { settings = … }) merges it.
    local settings = vim.tbl_deep_extend('force', config.settings, { lspGlossary = { diagnostics = { severity = 'information' } } })
    config_client = vim.lsp.start_client({
      name = 'lsp_glossary',
      cmd = config.cmd,
      root_dir = root,
      settings = settings,
      init_options = config.init_options,
      flags = { debounce_text_changes = 0 },
      -- Neovim 0.11's client sends its settings with workspace/didChangeConfiguration once initialized; 0.7's does
      -- not (nor does it declare workspace.configuration, so the server does not pull them): do as 0.11 does.
      on_init = function(client)
        client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
        config_initialized = true
      end,
      on_exit = function(code) config_exit = code end,
      handlers = {
        ['textDocument/publishDiagnostics'] = function(err, result, ctx, cfg)
          table.insert(config_publishes, result)
          return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, cfg)
        end,
      },
    })
    expect(config_client, 'start_client returned nil')
    expect(vim.wait(15000, function() return config_initialized end, 10), 'no initialize response within 15 s')
    local group = vim.api.nvim_create_augroup('lsp_glossary_config_test', { clear = true })
    vim.api.nvim_create_autocmd('FileType', {
      group = group,
      pattern = config.filetypes,
      callback = function(args) vim.lsp.buf_attach_client(args.buf, config_client) end,
    })

    vim.o.hidden = true -- notes.md above has unsaved edits
    vim.cmd('edit ' .. vim.fn.fnameescape(project .. '/docs/guide.md'))
    local md = vim.api.nvim_get_current_buf()
    vim.bo[md].filetype = 'markdown' -- filetype detection is not on yet while the init file runs
    expect(vim.lsp.buf_is_attached(md, config_client), 'not attached to the Markdown buffer')
    local md_uri = vim.uri_from_bufnr(md)
    local h = config_request(md, 'textDocument/hover', { textDocument = { uri = md_uri }, position = { line = 2, character = 18 } })
    expect(h and (h.contents.value or ''):find('Reinforcement Learning from Human Feedback', 1, true), 'RLHF hover: ' .. vim.inspect(h, { newline = '' }))
    -- The project's team.glossary.yaml is read: the root became the workspace folder.
    local z = config_request(md, 'textDocument/hover', { textDocument = { uri = md_uri }, position = { line = 2, character = 28 } })
    expect(z and (z.contents.value or ''):find('Zero-Order Retrieval Backbone', 1, true), 'ZorbNet hover: ' .. vim.inspect(z, { newline = '' }))
    -- The settings reached the server: the wrong spelling is information (3), not the default warning (2).
    local p
    expect(vim.wait(10000, function()
      for i = #config_publishes, 1, -1 do
        if config_publishes[i].uri == md_uri then p = config_publishes[i] break end
      end
      return p and #p.diagnostics == 1 and p.diagnostics[1].severity == 3
    end, 10), 'no information diagnostic for Lora; last publish: ' .. vim.inspect(p, { newline = '' }))
    eq(p.diagnostics[1].range, { start = { line = 3, character = 18 }, ['end'] = { line = 3, character = 22 } }, 'Lora range')

    -- A filetype whose Neovim name differs from VS Code's language id (cs, not csharp).
    vim.cmd('edit ' .. vim.fn.fnameescape(project .. '/docs/Trainer.cs'))
    local cs = vim.api.nvim_get_current_buf()
    vim.bo[cs].filetype = 'cs'
    expect(vim.lsp.buf_is_attached(cs, config_client), 'not attached to the C# buffer')
    local c = config_request(cs, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(cs) }, position = { line = 0, character = 26 } })
    expect(c and (c.contents.value or ''):find('Proximal Policy Optimization', 1, true), 'PPO hover in a cs comment: ' .. vim.inspect(c, { newline = '' }))
  end)

  if config_client then
    check('lsp_glossary.lua: the client it started exits cleanly', function()
      vim.lsp.stop_client(config_client)
      expect(vim.wait(10000, function() return config_exit ~= nil end, 10), 'the server did not exit within 10 s')
      eq(config_exit, 0, 'exit code')
    end)
  end
end

finish()
