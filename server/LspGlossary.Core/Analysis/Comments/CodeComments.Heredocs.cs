using LspGlossary.Core.Text;

namespace LspGlossary.Core.Analysis;

public static partial class CodeComments
{
    private sealed partial class Lexer
    {
        // ===== Here-documents (shell, Ruby) and CDATA =====

        private bool TryAngle()
        {
            if (_syntax.Has(LiteralFeatures.XmlCData) && StartsWithAt(_pos, "<![CDATA["))
            {
                int found = _text.IndexOf("]]>", _pos + 9, StringComparison.Ordinal);
                _pos = found < 0 ? _length : found + 3;
                return true;
            }

            if (Peek(1) != '<' || _heredocsDisabled) return false;
            if (_syntax.Has(LiteralFeatures.ShellHeredocs)) return TryShellHeredoc();
            if (_syntax.Has(LiteralFeatures.RubyHeredocs)) return TryRubyHeredoc();
            return false;
        }

        private bool TryShellHeredoc()
        {
            // <<< is a here-string, and the second < of <<< is not an opener either.
            if (Peek(2) == '<' || (_pos > 0 && _text[_pos - 1] == '<')) return false;

            int i = _pos + 2;
            bool stripTabs = false;
            if (i < _length && _text[i] == '-')
            {
                stripTabs = true;
                i++;
            }

            while (i < _length && _text[i] is ' ' or '\t') i++;
            if (!TryReadHeredocWord(ref i, requireUpperCase: false, out int wordStart, out int wordEnd)) return false;

            AddPendingHeredoc(new PendingHeredoc(wordStart, wordEnd - wordStart, stripTabs, IndentWithSpaces: false));
            _pos = i;
            return true;
        }

        private bool TryRubyHeredoc()
        {
            int i = _pos + 2;
            bool allowIndent = false;
            if (i < _length && _text[i] is '~' or '-')
            {
                allowIndent = true;
                i++;
            }

            // A plain << needs an upper-case word, so that "array << value" stays an operator.
            if (!TryReadHeredocWord(ref i, requireUpperCase: !allowIndent, out int wordStart, out int wordEnd)) return false;

            AddPendingHeredoc(new PendingHeredoc(wordStart, wordEnd - wordStart, allowIndent, IndentWithSpaces: true));
            _pos = i;
            return true;
        }

        private bool TryReadHeredocWord(ref int i, bool requireUpperCase, out int wordStart, out int wordEnd)
        {
            wordStart = wordEnd = i;
            if (i >= _length) return false;

            char first = _text[i];
            if (first is '\'' or '"' or '`')
            {
                int j = i + 1;
                while (j < _length && _text[j] != first && !IsLineBreak(_text[j]) && j - i <= MaxHeredocWordLength) j++;
                if (j >= _length || _text[j] != first || j == i + 1) return false;
                wordStart = i + 1;
                wordEnd = j;
                i = j + 1;
                return true;
            }

            if (first == '\\' && !requireUpperCase) i++;
            if (i >= _length) return false;
            char start = _text[i];
            bool startOk = requireUpperCase ? char.IsAsciiLetterUpper(start) || start == '_' : char.IsAsciiLetter(start) || start == '_';
            if (!startOk) return false;

            wordStart = i;
            while (i < _length && (char.IsAsciiLetterOrDigit(_text[i]) || _text[i] == '_')) i++;
            wordEnd = i;
            return true;
        }

        private void AddPendingHeredoc(PendingHeredoc heredoc)
        {
            _pendingHeredocs ??= [];
            _pendingHeredocs.Add(heredoc);
            _lastTokenIsValue = true;
        }

        /// <summary>
        /// Skips the bodies of the here-documents opened on the line that just ended. When a terminator is
        /// missing, the opener was probably something else (a shift), so nothing is skipped and here-documents
        /// are no longer recognised; this also keeps the lexer linear.
        /// </summary>
        private void SkipHeredocBodies()
        {
            foreach (var heredoc in _pendingHeredocs!)
            {
                var word = _text.AsSpan(heredoc.WordStart, heredoc.WordLength);
                int line = _pos;
                int bodyEnd = -1;
                while (line < _length)
                {
                    int lineEnd = FindLineEnd(line);
                    int s = line;
                    if (heredoc.AllowIndent)
                    {
                        while (s < lineEnd && (_text[s] == '\t' || (heredoc.IndentWithSpaces && _text[s] == ' '))) s++;
                    }

                    if (_text.AsSpan(s, lineEnd - s).SequenceEqual(word))
                    {
                        bodyEnd = NextLineStart(lineEnd);
                        break;
                    }

                    line = NextLineStart(lineEnd);
                }

                if (bodyEnd < 0)
                {
                    _heredocsDisabled = true;
                    break;
                }

                _pos = bodyEnd;
            }

            _pendingHeredocs!.Clear();
        }
    }
}
