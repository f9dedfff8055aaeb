-- LspGlossary for Neovim 0.11+ (vim.lsp.config / vim.lsp.enable).
--
-- Install: copy this file to ~/.config/nvim/lsp/lsp_glossary.lua (any `lsp/` folder on 'runtimepath' works), put
-- the `lsp-glossary` executable on PATH (or change `cmd` below), and add to init.lua:
--
--   vim.lsp.enable('lsp_glossary')
--
-- Change a setting without editing this file (vim.lsp.config merges tables):
--
--   vim.lsp.config('lsp_glossary', { settings = { lspGlossary = { locale = 'zh' } } })
--
-- The server reads its settings (section `lspGlossary`) from `workspace/configuration`, which Neovim answers from
-- `settings` below; `diagnostics.severity` is error, warning, information or hint; `languages` limits the served
-- filetypes (Neovim's names, e.g. { 'markdown', 'python' }); `glossaryFiles` adds glossary files (absolute, or
-- relative to the root).
--
-- `filetypes` are Neovim's names of the languages the server knows (Markdown prose, and the comments of code); the
-- server accepts Neovim's names where they differ from VS Code's (cs, objc, cuda, sh, ps1, make, …).
---@type vim.lsp.Config
return {
  cmd = { 'lsp-glossary', '--stdio' },
  filetypes = {
    'markdown',
    'c', 'objc', 'cpp', 'cuda', 'objcpp', 'cs', 'java',
    'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'jsonc',
    'go', 'rust', 'swift', 'kotlin', 'scala', 'dart', 'python', 'ruby',
    'sh', 'bash', 'zsh', 'ps1', 'yaml', 'toml', 'sql', 'lua',
    'html', 'xml', 'css', 'scss', 'less', 'dockerfile', 'make', 'r', 'perl', 'php',
  },
  -- The root is the workspace folder: the server loads every *.glossary.yaml below it. Without a root (a lone
  -- file) the server still runs, with the bundled glossary.
  root_markers = { '.git' },
  settings = {
    lspGlossary = {
      diagnostics = { enable = true, severity = 'warning' },
      locale = 'auto', -- 'zh' or 'en' first in hovers; 'auto' follows the client's locale
    },
  },
}
