;;; glossary-support.el --- shared by the Emacs suites (eglot, lsp-mode)  -*- lexical-binding: t -*-
;; Reporting and waiting for batch-mode tests. Every check prints one line, "PASS name" or "FAIL name: detail",
;; also appended to $E2E_WORK/results.txt.

(defvar gt-server (getenv "LSP_GLOSSARY_SERVER"))
(defvar gt-work (file-name-as-directory (or (getenv "E2E_WORK") (make-temp-file "glossary-emacs" t))))
(defvar gt-results (expand-file-name "results.txt" gt-work))

(defun gt-report (line)
  (princ (concat line "\n"))
  (write-region (concat line "\n") nil gt-results t 'silent))

(defmacro gt-check (name &rest body)
  "Run BODY; report NAME as passed unless it signals."
  (declare (indent 1))
  `(condition-case err
       (progn ,@body (gt-report (concat "PASS " ,name)))
     (error (gt-report (format "FAIL %s: %s" ,name (error-message-string err))))))

(defun gt-wait (what predicate &optional seconds)
  "Process input until PREDICATE returns non-nil (its value is returned); signal naming WHAT after SECONDS."
  (let ((deadline (+ (float-time) (or seconds 15))) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (or value (error "Timed out waiting for %s" what))))

(provide 'glossary-support)
