;;; glossary-test.el --- lsp-glossary through Emacs's lsp-mode, in batch mode  -*- lexical-binding: t -*-
;; Run: LSP_GLOSSARY_SERVER=... E2E_WORK=<tmpdir> emacs --batch -l glossary-test.el
;; Every check prints one line, "PASS name" or "FAIL name: detail", also appended to $E2E_WORK/results.txt.
;; The server is registered as a user would (lsp-register-client, see the README); only the waiting is batch-specific.

(package-initialize) ; Debian's elpa-lsp-mode and its dependencies are packages
(require 'lsp-mode)
(require 'markdown-mode)

(load (expand-file-name "../emacs/glossary-support" (file-name-directory load-file-name)) nil t)
(defvar gt-warnings nil "Every warning lsp-mode raised (it warns about each notification it does not know).")

(defvar gt-errors nil "Every error lsp-mode reported (a shutdown without answer is one).")
(advice-add 'lsp-warn :before (lambda (format &rest args) (push (apply #'format format args) gt-warnings)))
(advice-add 'lsp--error :before (lambda (format &rest args) (push (apply #'format format args) gt-errors)))

;; The user's configuration: the server for Markdown, no diagnostics UI needed (lsp-mode keeps them either way).
(setq lsp-session-file (expand-file-name "lsp-session" gt-work)
      lsp-diagnostics-provider :none
      lsp-enable-snippet nil
      lsp-headerline-breadcrumb-enable nil
      lsp-modeline-code-actions-enable nil
      lsp-modeline-diagnostics-enable nil
      lsp-lens-enable nil
      lsp-restart 'ignore
      lsp-keep-workspace-alive nil)
(lsp-register-client
 (make-lsp-client :new-connection (lsp-stdio-connection (list gt-server "--stdio"))
                  :activation-fn (lsp-activate-on "markdown")
                  :server-id 'lsp-glossary))
(lsp-workspace-folders-add gt-work) ; what lsp-mode would otherwise ask interactively

(defvar gt-file (expand-file-name "notes.md" gt-work))

(defun gt-diagnostics ()
  "The diagnostics lsp-mode holds for the test file."
  (gethash gt-file (lsp-diagnostics t)))

(defun gt-visible (string)
  "STRING without the characters lsp-mode's rendering makes invisible (hidden Markdown markup)."
  (let ((visible "") (i 0))
    (while (< i (length string))
      (unless (get-text-property i 'invisible string) (setq visible (concat visible (substring string i (1+ i)))))
      (setq i (1+ i)))
    visible))

(if (not (and gt-server (file-executable-p gt-server)))
    (gt-report (format "FAIL server binary: not executable: %s" gt-server))
  (with-temp-file gt-file (insert "# Notes\n\nWe align the model with RLHF after SFT.\nWe fine-tune with Lora and Qlora today.\n"))
  (find-file gt-file)
  (gt-check "lsp-mode starts the server on a Markdown file"
    (lsp)
    (gt-wait "the workspace to initialize"
             (lambda () (and (lsp-workspaces) (eq (lsp--workspace-status (car (lsp-workspaces))) 'initialized)))))

  (gt-check "diagnostics for Lora and Qlora arrive"
    (gt-wait "two diagnostics" (lambda () (= (length (gt-diagnostics)) 2)))
    (let ((messages (mapcar (lambda (d) (gethash "message" d)) (gt-diagnostics))))
      (unless (seq-find (lambda (m) (string-match-p "'Lora' is not the glossary's spelling" m)) messages)
        (error "Messages: %S" messages))))

  (gt-check "hover over RLHF: Markdown (lsp-mode lists it), rendered without visible marks"
    (goto-char (point-min))
    (search-forward "RLHF")
    (backward-char 2)
    (let* ((hover (lsp-request "textDocument/hover" (lsp--text-document-position-params)))
           (contents (gethash "contents" hover))
           (shown (gt-visible (lsp--render-on-hover-content contents t))))
      (unless (equal (gethash "kind" contents) "markdown") (error "Kind: %S" (gethash "kind" contents)))
      (unless (string-match-p "Reinforcement Learning from Human Feedback" shown) (error "Hover: %s" shown))
      (when (string-match-p "\\*\\*" shown) (error "Visible Markdown marks: %s" shown))))

  (gt-check "the quick fix through lsp-execute-code-action turns Lora into LoRA"
    (goto-char (point-min))
    (search-forward "Lora ")
    (backward-char 3)
    (let* ((actions (append (lsp-code-actions-at-point) nil))
           (fix (seq-find (lambda (a) (string-match-p "'Lora'" (gethash "title" a))) actions)))
      (unless fix (error "No fix for Lora in %S" (mapcar (lambda (a) (gethash "title" a)) actions)))
      (lsp-execute-code-action fix))
    (unless (string-match-p "fine-tune with LoRA and Qlora" (buffer-string)) (error "Buffer: %s" (buffer-string)))
    (gt-wait "one diagnostic left" (lambda () (= (length (gt-diagnostics)) 1))))

  (gt-check "fix-all is offered without its edit and resolved by lsp-mode (codeAction/resolve)"
    (goto-char (point-min))
    (let* ((actions (append (lsp-code-actions-at-point) nil))
           (fix-all (seq-find (lambda (a) (equal (gethash "kind" a) "source.fixAll.lspGlossary")) actions)))
      (unless fix-all (error "No fix-all in %S" (mapcar (lambda (a) (gethash "title" a)) actions)))
      (when (gethash "edit" fix-all) (error "The fix-all carries its edit without being asked for"))
      (lsp-execute-code-action fix-all))
    (unless (string-match-p "fine-tune with LoRA and QLoRA" (buffer-string)) (error "Buffer: %s" (buffer-string)))
    (gt-wait "no diagnostics left" (lambda () (= (length (gt-diagnostics)) 0))))

  (gt-check "no warning about an unknown notification (lspGlossary/status is not sent unasked)"
    (when gt-warnings (error "Warnings: %S" gt-warnings)))

  ;; lsp-mode sends shutdown (waiting 0.5 s for the answer), then exit, then kills the process at once: the exit
  ;; status is 0 or SIGKILL's 9, whichever comes first. The answer to shutdown is what the server owes.
  (gt-check "lsp-mode shuts the server down: shutdown answered in time, the process gone"
    (let* ((workspace (car (lsp-workspaces)))
           (process (lsp--workspace-proc workspace)))
      (lsp-workspace-shutdown workspace)
      (gt-wait "the server to exit" (lambda () (not (process-live-p process))) 10)
      (when gt-errors (error "lsp-mode errors: %S" gt-errors))
      (unless (memq (process-exit-status process) '(0 9)) (error "Exit status %s" (process-exit-status process))))))
