namespace LspGlossary.Core.Analysis;

/// <summary>Where a line comment marker is allowed to start a comment.</summary>
public enum LineCommentPlacement
{
    /// <summary>The marker starts a comment anywhere outside a literal (C, Python, SQL and most languages).</summary>
    Anywhere,

    /// <summary>
    /// The marker starts a comment only at the start of a word: at the start of a line, after whitespace, or
    /// after one of <see cref="CommentSyntax.WordSeparators"/> (shell, PowerShell). So <c>$#</c> and
    /// <c>a#b</c> are not comments.
    /// </summary>
    WordStart,

    /// <summary>The marker starts a comment only at the start of a line or after whitespace (YAML).</summary>
    AfterWhitespace,

    /// <summary>The marker starts a comment only as the first non-blank character of a line (Dockerfile).</summary>
    LineStart,
}

/// <summary>How one kind of quote character (<c>"</c> or <c>'</c>) is lexed.</summary>
public enum QuoteRule
{
    /// <summary>The quote is an ordinary character.</summary>
    None,

    /// <summary>A string literal in which <see cref="CommentSyntax.StringEscape"/> escapes the next character.</summary>
    Escaped,

    /// <summary>A string literal without escapes; a doubled quote (<c>''</c>) simply closes and reopens it.</summary>
    Verbatim,

    /// <summary>A C-family character literal such as <c>'"'</c> or <c>'\''</c>, which never spans lines.</summary>
    CharLiteral,

    /// <summary>
    /// A character literal (<c>'x'</c>, <c>'\n'</c>) or, when no closing quote follows the next character, a
    /// Rust lifetime or a Scala symbol (<c>'a</c>, <c>'static</c>) that is not a literal at all.
    /// </summary>
    CharOrLifetime,
}

/// <summary>How tripled quotes (<c>"""</c>, <c>'''</c>) are lexed for the quote kinds that are strings.</summary>
public enum TripleQuoteRule
{
    /// <summary>Tripled quotes are not special: <c>""</c> is an empty string followed by another quote.</summary>
    None,

    /// <summary>A multi-line string with the same escapes as the single-quoted form (Python, Java, Swift, TOML).</summary>
    LikeSingle,

    /// <summary>A multi-line string without escapes (Kotlin, Scala).</summary>
    Raw,
}

/// <summary>How a backtick is lexed.</summary>
public enum BacktickRule
{
    /// <summary>The backtick is an ordinary character (or the code escape character, as in PowerShell).</summary>
    None,

    /// <summary>A multi-line raw string without escapes (Go).</summary>
    RawString,

    /// <summary>A multi-line template literal with <c>\</c> escapes and <c>${...}</c> holes (JavaScript, TypeScript).</summary>
    TemplateLiteral,

    /// <summary>A multi-line string with <c>\</c> escapes and <c>#{...}</c> holes (Ruby commands).</summary>
    InterpolatedString,

    /// <summary>A multi-line string with <c>\</c> escapes and no holes (shell commands, Perl, PHP).</summary>
    EscapedString,

    /// <summary>A single-line quoted name without escapes (Kotlin, Swift, Scala, SQL, R).</summary>
    QuotedName,
}

/// <summary>The holes that double-quoted strings of a language may contain; the code inside a hole is lexed as code.</summary>
public enum InterpolationStyle
{
    /// <summary>Strings have no holes.</summary>
    None,

    /// <summary><c>"a ${expr} b"</c> (Kotlin, Dart).</summary>
    DollarBrace,

    /// <summary><c>"a #{expr} b"</c> (Ruby).</summary>
    HashBrace,

    /// <summary><c>"a \(expr) b"</c> (Swift).</summary>
    BackslashParen,

    /// <summary><c>"a $(command) b"</c> (shell, PowerShell).</summary>
    DollarParen,
}

/// <summary>Literal forms that only some languages have; each flag turns on one piece of the lexer.</summary>
[Flags]
public enum LiteralFeatures
{
    None = 0,

    /// <summary>C# verbatim <c>@"..."</c>, interpolated <c>$"..{x}.."</c> and <c>$@"..."</c>, raw <c>"""..."""</c> and <c>$$"""..{{x}}.."""</c>.</summary>
    CSharpStrings = 1 << 0,

    /// <summary>Python prefixes (r, u, b, f, t), f-string holes with format specs, and docstrings as comments.</summary>
    PythonStrings = 1 << 1,

    /// <summary>Rust raw strings <c>r"..."</c>, <c>r#"..."#</c>, <c>br#"..."#</c> and <c>cr"..."</c>.</summary>
    RustRawStrings = 1 << 2,

    /// <summary>C++ raw strings <c>R"delim(...)delim"</c> with the u8, u, U and L prefixes.</summary>
    CppRawStrings = 1 << 3,

    /// <summary>Swift raw strings <c>#"..."#</c> and <c>#"""..."""#</c>, whose holes are <c>\#(...)</c>.</summary>
    SwiftRawStrings = 1 << 4,

    /// <summary>Dart raw strings <c>r'...'</c>, <c>r"..."</c> and their tripled forms.</summary>
    DartRawStrings = 1 << 5,

    /// <summary>R raw strings <c>r"(...)"</c>, <c>R"[...]"</c>, <c>r"--{...}--"</c>.</summary>
    RRawStrings = 1 << 6,

    /// <summary>PostgreSQL escape strings <c>E'it\'s'</c>, in which a backslash escapes.</summary>
    SqlEscapeStrings = 1 << 7,

    /// <summary>Lua long strings <c>[[...]]</c> and <c>[==[...]==]</c>, and long comments <c>--[[...]]</c>.</summary>
    LuaLongBrackets = 1 << 8,

    /// <summary>PowerShell here-strings <c>@"...\n"@</c> and <c>@'...\n'@</c>.</summary>
    PowerShellHereStrings = 1 << 9,

    /// <summary>Shell ANSI-C strings <c>$'it\'s'</c>.</summary>
    ShellDollarQuotes = 1 << 10,

    /// <summary>Shell here-documents <c>&lt;&lt;EOF</c>, <c>&lt;&lt;-EOF</c>, <c>&lt;&lt;'EOF'</c>, whose bodies are not code.</summary>
    ShellHeredocs = 1 << 11,

    /// <summary>Ruby here-documents <c>&lt;&lt;~EOS</c>, <c>&lt;&lt;-EOS</c>, <c>&lt;&lt;EOS</c>.</summary>
    RubyHeredocs = 1 << 12,

    /// <summary>Ruby percent literals (<c>%w[...]</c>, <c>%q(...)</c>), character literals (<c>?#</c>) and <c>puts /re/</c>.</summary>
    RubyLiterals = 1 << 13,

    /// <summary>Special variables <c>$'</c>, <c>$"</c>, <c>$`</c> and <c>$#</c> (Ruby, Perl) that are not quotes or comments.</summary>
    DollarPunctuationVariables = 1 << 14,

    /// <summary>Ruby embedded documents from a line <c>=begin</c> to a line <c>=end</c>, which are comments.</summary>
    EmbeddedDocs = 1 << 15,

    /// <summary>Perl POD blocks from a line <c>=pod</c> (or any <c>=word</c>) to a line <c>=cut</c>, which are comments.</summary>
    PerlPod = 1 << 16,

    /// <summary>A line <c>__END__</c> ends the code; what follows is data, not comments.</summary>
    EndMarker = 1 << 17,

    /// <summary>Regular expression literals <c>/.../</c> where a value is expected (JavaScript, Ruby, Perl).</summary>
    RegexLiterals = 1 << 18,

    /// <summary>YAML rules: quotes only start a scalar, and block scalars (<c>|</c>, <c>&gt;</c>) hold text, not comments.</summary>
    YamlScalars = 1 << 19,

    /// <summary>XML CDATA sections <c>&lt;![CDATA[...]]&gt;</c>.</summary>
    XmlCData = 1 << 20,

    /// <summary>Unquoted CSS <c>url(http://...)</c>, whose <c>//</c> is not a line comment (SCSS, Less).</summary>
    CssUrls = 1 << 21,

    /// <summary>Quotes as digit separators in numbers, such as <c>1'000'000</c> (C23, C++14).</summary>
    DigitSeparators = 1 << 22,

    /// <summary><c>#[</c> starts a PHP attribute, not a <c>#</c> comment.</summary>
    HashBracketIsCode = 1 << 23,
}

/// <summary>
/// Describes how one family of languages writes comments and the literals that can hide comment markers.
/// <see cref="CodeComments"/> reads this description; the table in <see cref="Languages"/> maps language ids
/// to descriptions. Instances are immutable.
/// </summary>
public sealed partial class CommentSyntax
{
    /// <summary>A short name of the family, for logs and tests.</summary>
    public required string Name { get; init; }

    /// <summary>Markers that start a comment running to the end of the line, such as <c>//</c> or <c>#</c>.</summary>
    public IReadOnlyList<string> LineCommentMarkers { get; init; } = [];

    /// <summary>Where a line comment marker may start a comment.</summary>
    public LineCommentPlacement LineCommentPlacement { get; init; } = LineCommentPlacement.Anywhere;

    /// <summary>For <see cref="LineCommentPlacement.WordStart"/>: the characters, besides whitespace, after which a word starts.</summary>
    public string WordSeparators { get; init; } = ";&|()<>";

    /// <summary>True when a line comment ending in a backslash continues on the next line (C, C++).</summary>
    public bool LineCommentsContinueWithBackslash { get; init; }

    /// <summary>The marker that opens a block comment, such as <c>/*</c>, or null when there are none.</summary>
    public string? BlockCommentStart { get; init; }

    /// <summary>The marker that closes a block comment, such as <c>*/</c>.</summary>
    public string? BlockCommentEnd { get; init; }

    /// <summary>True when block comments nest, as in Rust, Swift, Kotlin, Scala and Dart.</summary>
    public bool BlockCommentsNest { get; init; }

    /// <summary>True when <c>//!</c> and <c>/*!</c> are doc comments whose <c>!</c> is not content (Rust, Doxygen).</summary>
    public bool BangDocComments { get; init; }

    /// <summary>How <c>"</c> is lexed.</summary>
    public QuoteRule DoubleQuotes { get; init; }

    /// <summary>How <c>'</c> is lexed.</summary>
    public QuoteRule SingleQuotes { get; init; }

    /// <summary>How tripled quotes are lexed.</summary>
    public TripleQuoteRule TripleQuotes { get; init; }

    /// <summary>True when ordinary quoted strings may contain line breaks; otherwise a line break ends them.</summary>
    public bool QuotedStringsSpanLines { get; init; }

    /// <summary>The escape character inside <see cref="QuoteRule.Escaped"/> strings: <c>\</c>, or a backtick in PowerShell.</summary>
    public char StringEscape { get; init; } = '\\';

    /// <summary>A character that escapes the next one in code, such as <c>\#</c> in shell, or <c>'\0'</c> for none.</summary>
    public char CodeEscape { get; init; }

    /// <summary>The holes in double-quoted strings.</summary>
    public InterpolationStyle Interpolation { get; init; }

    /// <summary>True when single-quoted strings have the same holes as double-quoted ones (Dart).</summary>
    public bool SingleQuotesInterpolate { get; init; }

    /// <summary>How a backtick is lexed.</summary>
    public BacktickRule Backticks { get; init; }

    /// <summary>Language-specific literal forms.</summary>
    public LiteralFeatures Features { get; init; }

    /// <summary>True when every flag of <paramref name="feature"/> is on.</summary>
    public bool Has(LiteralFeatures feature) => (Features & feature) == feature;

    public override string ToString() => Name;
}
