;;; glossary-test.el --- lsp-glossary through Emacs's eglot, in batch mode  -*- lexical-binding: t -*-
;; Run: LSP_GLOSSARY_SERVER=... E2E_WORK=<tmpdir> emacs --batch -l glossary-test.el
;; Every check prints one line, "PASS name" or "FAIL name: detail", also appended to $E2E_WORK/results.txt.
;; The server is configured as a user would (eglot-server-programs); only the waiting is batch-specific.

(package-initialize) ; Debian's elpa-eglot is a package
(require 'eglot)
(require 'python)

(load (expand-file-name "../emacs/glossary-support" (file-name-directory load-file-name)) nil t)

;; A Markdown major mode without a MELPA package: eglot names the language after the mode ("markdown").
(define-derived-mode markdown-mode text-mode "Markdown")
(add-to-list (quote auto-mode-alist) (quote ("\\.md\\'" . markdown-mode)))
(add-to-list 'eglot-server-programs `((markdown-mode python-mode) . (,gt-server "--stdio")))
(setq eglot-sync-connect 15
      eglot-autoshutdown t)

(defun gt-open (file contents)
  "Visit FILE in the work folder with CONTENTS and connect eglot to it."
  (let ((path (expand-file-name file gt-work)))
    (with-temp-file path (insert contents))
    (find-file path)
    (eglot-ensure) ; in batch mode only a hook: connect now
    (unless (eglot-current-server) (call-interactively #'eglot))
    (gt-wait "eglot to manage the buffer" (lambda () (and (eglot-current-server) (eglot-managed-p))))))

(defun gt-hover-at (word)
  "The hover text at the first occurrence of WORD in the buffer."
  (goto-char (point-min))
  (search-forward word)
  (backward-char 2)
  (let ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover (eglot--TextDocumentPositionParams))))
    (format "%S" (plist-get hover :contents))))

(defun gt-flymake-messages ()
  (flymake-start)
  (mapcar #'flymake-diagnostic-text (flymake-diagnostics)))

(if (not (and gt-server (file-executable-p gt-server)))
    (gt-report (format "FAIL server binary: not executable: %s" gt-server))
  (gt-check "eglot connects to the server on a Markdown file"
    (gt-open "notes.md" "# Notes\n\nWe align the model with RLHF after SFT.\n\n我们使用Lora微调了模型。\n\nWe tried QL"))

  (gt-check "hover over RLHF shows its expansion"
    (let ((text (gt-hover-at "RLHF")))
      (unless (string-match-p "Reinforcement Learning from Human Feedback" text) (error "Hover: %s" text))))

  (gt-check "flymake shows the diagnostic for Lora"
    (gt-wait "a diagnostic on Lora"
             (lambda () (seq-find (lambda (m) (string-match-p "'Lora' is not the glossary's spelling" m)) (gt-flymake-messages)))))

  (gt-check "the quick fix turns Lora into LoRA"
    (goto-char (point-min))
    (search-forward "Lora")
    (let* ((server (eglot-current-server))
           (actions (jsonrpc-request server :textDocument/codeAction
                                     (list :textDocument (eglot--TextDocumentIdentifier)
                                           :range (list :start (eglot--pos-to-lsp-position (- (point) 4))
                                                        :end (eglot--pos-to-lsp-position (point)))
                                           :context (list :diagnostics [] :only ["quickfix"]))))
           (fix (seq-find (lambda (a) (string-match-p "LoRA" (plist-get a :title))) actions)))
      (unless fix (error "No quick fix among %S" actions))
      (eglot--apply-workspace-edit (plist-get fix :edit))
      (unless (string-match-p "使用LoRA微调" (buffer-string)) (error "Buffer: %s" (buffer-string)))))

  (gt-check "completion after QL offers QLoRA"
    (goto-char (point-max))
    (let* ((capf (eglot-completion-at-point))
           (candidates (all-completions (buffer-substring (nth 0 capf) (nth 1 capf)) (nth 2 capf))))
      (unless (member "QLoRA" candidates) (error "Candidates: %S" candidates))))

  (gt-check "hover over a term in a Python # comment"
    (gt-open "train.py" "# Train the adapter, then align it with RLHF.\nimport torch\n")
    (let ((text (gt-hover-at "RLHF")))
      (unless (string-match-p "Reinforcement Learning from Human Feedback" text) (error "Hover: %s" text))))

  (gt-check "eglot shuts the server down"
    (let ((server (eglot-current-server)))
      (eglot-shutdown server)
      (gt-wait "the server process to exit" (lambda () (not (process-live-p (jsonrpc--process server))))))))

(kill-emacs 0)
