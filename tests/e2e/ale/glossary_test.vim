" End-to-end test of the published lsp-glossary binary through Vim 9 + ALE (Debian vim-ale), headless.
" Run: LSP_GLOSSARY_SERVER=... E2E_WORK=<tmpdir> vim -N -u NONE -i NONE -es -S glossary_test.vim
" Every check writes one line, "PASS name" or "FAIL name: detail", to $E2E_WORK/results.txt.
" The server is configured as a user would (ale#linter#Define, see the README); only the waiting is test-specific.
set nocompatible
let s:server = $LSP_GLOSSARY_SERVER
let s:work = $E2E_WORK
let s:results = s:work . '/results.txt'
call writefile([], s:results)

function! s:Report(line) abort
  call writefile([a:line], s:results, 'a')
endfunction

" Runs a:Fn; it passes unless it throws. The exception text is the detail.
function! s:Check(name, Fn) abort
  try
    call a:Fn()
    call s:Report('PASS ' . a:name)
    return 1
  catch
    call s:Report('FAIL ' . a:name . ': ' . substitute(v:exception, '\n', ' | ', 'g'))
    return 0
  endtry
endfunction

" Waits (processing ALE's jobs and timers) until a:Cond() is true; throws naming a:what after a:ms.
function! s:WaitFor(Cond, what, ms) abort
  let l:waited = 0
  while !a:Cond()
    if l:waited >= a:ms
      throw 'timed out after ' . a:ms . ' ms waiting for ' . a:what
    endif
    sleep 20m
    let l:waited += 20
  endwhile
endfunction

if empty(s:server) || !executable(s:server)
  call s:Report('FAIL server binary: not executable: ' . s:server)
  qall!
endif

" ---------------------------------------------------------------------------------------------- setup
filetype on
packadd ale
let g:ale_linters = {'markdown': ['lsp_glossary']}
let g:ale_linters_explicit = 1
let g:ale_lint_on_text_changed = 'always'
let g:ale_lint_delay = 0
let g:ale_hover_to_preview = 1
let g:ale_history_enabled = 1
let g:ale_history_log_output = 1
call ale#linter#Define('markdown', {
\   'name': 'lsp_glossary',
\   'lsp': 'stdio',
\   'executable': s:server,
\   'command': '%e --stdio',
\   'project_root': s:work,
\})

let s:doc = s:work . '/notes.md'
call writefile(['# Notes', '', 'We align the model with RLHF after SFT.', 'We fine-tune with Lora today.', '我们使用Lora微调'], s:doc)
execute 'edit ' . fnameescape(s:doc)
setfiletype markdown
let s:buf = bufnr('%')

function! s:Loclist() abort
  return get(get(g:ale_buffer_info, s:buf, {}), 'loclist', [])
endfunction

function! s:LintDiagnostics() abort
  call ale#Queue(0)
  call s:WaitFor({-> len(s:Loclist()) == 2}, 'two diagnostics in the loclist', 15000)
  let l:items = s:Loclist()
  let l:lora = filter(copy(l:items), {_, v -> v.lnum == 4})
  if len(l:lora) != 1 | throw 'no diagnostic on line 4: ' . string(l:items) | endif
  if l:lora[0].text !~# "'Lora' is not the glossary's spelling"
    throw 'message: ' . l:lora[0].text
  endif
  " ASCII line: the LSP character (UTF-16) and Vim's byte column agree.
  if l:lora[0].col != 19 | throw 'column on an ASCII line: ' . l:lora[0].col | endif
endfunction

function! s:ChineseLineColumn() abort
  " ALE uses the LSP character as a byte column. The server reports UTF-16 character 4 on
  " '我们使用Lora微调' (4 Han characters before 'Lora'); in bytes 'Lora' starts at byte 12.
  " So ALE puts the marker at column 5 (inside '们'): the documented limitation on Chinese lines.
  let l:items = filter(copy(s:Loclist()), {_, v -> v.lnum == 5})
  if len(l:items) != 1 | throw 'no diagnostic on the Chinese line' | endif
  if l:items[0].col != 5 | throw 'expected the byte-column mismatch (col 5), got ' . l:items[0].col | endif
  if byteidx(getline(5), 4) + 1 != 13 | throw 'the real byte column of Lora is not 13' | endif
endfunction

function! s:PreviewLines() abort
  for l:win in range(1, winnr('$'))
    if getwinvar(l:win, '&previewwindow')
      return getbufline(winbufnr(l:win), 1, '$')
    endif
  endfor
  return []
endfunction

function! s:HoverPlainText() abort
  call cursor(3, 26)
  ALEHover
  call s:WaitFor({-> !empty(s:PreviewLines())}, 'the hover preview', 10000)
  let l:text = join(s:PreviewLines(), "\n")
  if l:text !~# 'Reinforcement Learning from Human Feedback' | throw 'hover: ' . l:text | endif
  if l:text =~# '\*\*' | throw 'hover shows raw Markdown: ' . l:text | endif
  if l:text !~# '^RLHF' | throw 'hover does not start with the term: ' . l:text | endif
  pclose
endfunction

" ALE asks the user which action to apply; the user types 1 (the quick fix).
runtime autoload/ale/util.vim
function! ale#util#Input(message, value, ...) abort
  let g:glossary_prompt = a:message
  return '1'
endfunction

function! s:QuickFix() abort
  call cursor(4, 20)
  ALECodeAction
  call s:WaitFor({-> getline(4) ==# 'We fine-tune with LoRA today.'}, 'the quick fix to change line 4 (prompt: ' . get(g:, 'glossary_prompt', 'none') . ')', 10000)
  " Interactive Vim fires TextChanged after the edit; Ex mode does not, so fire it as the editor would.
  doautocmd <nomodeline> TextChanged
  call s:WaitFor({-> len(s:Loclist()) == 1}, 'one diagnostic left after the fix', 15000)
endfunction

" Every message the server wrote to ALE (the run script's wrapper keeps a copy of its stdout).
function! s:ServerMessages() abort
  let l:raw = join(readfile(s:work . '/server-out.log', 'b'), "\n")
  let l:messages = []
  for l:body in split(l:raw, 'Content-Length: \d\+\r\=\n\r\=\n')
    call add(l:messages, json_decode(l:body))
  endfor
  return l:messages
endfunction

function! s:OnlyWhatAleSupports() abort
  let l:methods = map(filter(s:ServerMessages(), {_, m -> has_key(m, 'method')}), {_, m -> m.method})
  if empty(l:methods) | throw 'no message from the server in the log' | endif
  for l:method in l:methods
    " ALE declares neither configuration nor dynamic registration nor applyEdit, and asks for no status.
    if index(['textDocument/publishDiagnostics', 'window/logMessage'], l:method) < 0
      throw 'the server sent ' . l:method
    endif
  endfor
endfunction

function! s:Stop() abort
  let l:pid = readfile(s:work . '/server.pid')[0]
  if !isdirectory('/proc/' . l:pid) | throw 'the server is not running before the stop' | endif
  ALEStopAllLSPs
  call s:WaitFor({-> !isdirectory('/proc/' . l:pid)}, 'the server process ' . l:pid . ' to end', 10000)
endfunction

if s:Check('ALE shows the diagnostics of the server', function('s:LintDiagnostics'))
  call s:Check('on a Chinese line ALE reads the UTF-16 column as a byte column', function('s:ChineseLineColumn'))
endif
call s:Check('hover is plain text (no Markdown marks)', function('s:HoverPlainText'))
call s:Check('the quick fix through :ALECodeAction changes Lora to LoRA', function('s:QuickFix'))
call s:Check('the server sent ALE no request or notification it does not support', function('s:OnlyWhatAleSupports'))
call s:Check(':ALEStopAllLSPs ends the server', function('s:Stop'))
qall!
