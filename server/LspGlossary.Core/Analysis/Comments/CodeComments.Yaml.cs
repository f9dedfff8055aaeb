using LspGlossary.Core.Text;

namespace LspGlossary.Core.Analysis;

public static partial class CodeComments
{
    private sealed partial class Lexer
    {
        // ===== YAML =====

        /// <summary>
        /// True when a quote at <paramref name="pos"/> starts a YAML scalar: at the start of a line, after
        /// <c>: </c>, <c>- </c>, <c>? </c>, <c>[</c>, <c>{</c> or <c>,</c>, possibly after a tag or an anchor.
        /// In <c>key: don't</c> the quote is plain text.
        /// </summary>
        private bool IsYamlNodeStart(int pos)
        {
            int i = pos - 1;
            while (true)
            {
                int beforeSpaces = i;
                while (i >= 0 && _text[i] is ' ' or '\t') i--;
                if (i < 0 || IsLineBreak(_text[i])) return true;

                char previous = _text[i];
                if (previous is '[' or '{' or ',') return true;
                if (previous is ':' or '-' or '?') return i < beforeSpaces;

                // A tag (!!str) or an anchor (&name) between the indicator and the node: look before it.
                // Tags and anchors are short, so the look-back is bounded, which keeps long lines linear.
                int tokenEnd = i;
                if (tokenEnd == beforeSpaces) return false;
                while (i >= 0 && !char.IsWhiteSpace(_text[i]) && tokenEnd - i < MaxYamlPropertyLength) i--;
                if (i < 0 || !char.IsWhiteSpace(_text[i]) || _text[i + 1] is not ('!' or '&')) return false;
            }
        }

        /// <summary>Notes a YAML block scalar indicator (<c>|</c>, <c>&gt;-</c>) that ends its line; its body is skipped at the line break.</summary>
        private void NoteYamlBlockScalar()
        {
            if (!_syntax.Has(LiteralFeatures.YamlScalars) || !IsYamlNodeStart(_pos)) return;

            int i = _pos + 1;
            while (i < _length && (char.IsAsciiDigit(_text[i]) || _text[i] is '+' or '-')) i++;
            int afterIndicators = i;
            while (i < _length && _text[i] is ' ' or '\t') i++;
            bool endsLine = i >= _length || IsLineBreak(_text[i]) || (_text[i] == '#' && i > afterIndicators);
            if (endsLine) _pendingBlockScalarIndent = IndentOfLineAt(_pos);
        }

        /// <summary>Skips the lines of a block scalar: those more indented than the line that opened it, and blank lines.</summary>
        private void SkipBlockScalar()
        {
            int parentIndent = _pendingBlockScalarIndent;
            _pendingBlockScalarIndent = -1;
            int contentIndent = -1;
            while (_pos < _length)
            {
                int i = _pos;
                while (i < _length && _text[i] == ' ') i++;
                int indent = i - _pos;
                int j = i;
                while (j < _length && _text[j] is ' ' or '\t') j++;
                bool blank = j >= _length || IsLineBreak(_text[j]);
                if (!blank)
                {
                    if (contentIndent < 0)
                    {
                        if (indent <= parentIndent) return;
                        contentIndent = indent;
                    }
                    else if (indent < contentIndent)
                    {
                        return;
                    }
                }

                _pos = NextLineStart(j);
            }
        }

        private int IndentOfLineAt(int pos)
        {
            int lineStart = pos;
            while (lineStart > 0 && !IsLineBreak(_text[lineStart - 1])) lineStart--;
            int i = lineStart;
            while (i < _length && _text[i] == ' ') i++;
            return i - lineStart;
        }
    }
}
