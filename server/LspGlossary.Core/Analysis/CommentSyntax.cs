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
/// <see cref="CodeComments"/> reads this description; the table in <see cref="ForLanguage"/> maps VS Code
/// language ids to descriptions. Instances are immutable.
/// </summary>
public sealed class CommentSyntax
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

    /// <summary>The syntax for a VS Code language id, or null when the language is not supported.</summary>
    public static CommentSyntax? ForLanguage(string languageId)
    {
        if (string.IsNullOrEmpty(languageId)) return null;
        return ByLanguage.TryGetValue(languageId, out var syntax) ? syntax : null;
    }

    /// <summary>
    /// The syntax for the info string of a fenced code block in Markdown (<c>```py</c>): its first word, any case,
    /// as a language id (<c>python</c>, <c>go</c>) or a common short name or file extension (<c>py</c>, <c>js</c>,
    /// <c>ts</c>, <c>sh</c>, <c>yml</c>, <c>c++</c>, <c>rs</c>: <see cref="FenceNames"/>). Null for no info string and
    /// for any other name (<c>text</c>, <c>json</c>, <c>console</c>, <c>diff</c>, <c>mermaid</c>), whose blocks stay unsearched.
    /// </summary>
    public static CommentSyntax? ForFenceInfo(string? info)
    {
        if (string.IsNullOrWhiteSpace(info)) return null;
        string name = info.Trim();
        int space = name.AsSpan().IndexOfAny(' ', '\t');
        if (space >= 0) name = name[..space];
        if (FenceNames.TryGetValue(name, out var languageId)) name = languageId;
        return ForLanguage(name);
    }

    /// <summary>Info-string names of fenced code blocks that are not language ids, and the language id each stands for.</summary>
    private static readonly Dictionary<string, string> FenceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["py"] = "python",
        ["py3"] = "python",
        ["python3"] = "python",
        ["ipython"] = "python",
        ["pycon"] = "python",
        ["js"] = "javascript",
        ["jsx"] = "javascriptreact",
        ["mjs"] = "javascript",
        ["cjs"] = "javascript",
        ["node"] = "javascript",
        ["ts"] = "typescript",
        ["tsx"] = "typescriptreact",
        ["shell"] = "shellscript",
        ["h"] = "c",
        ["c++"] = "cpp",
        ["cc"] = "cpp",
        ["cxx"] = "cpp",
        ["hpp"] = "cpp",
        ["cu"] = "cuda-cpp",
        ["c#"] = "csharp",
        ["golang"] = "go",
        ["rs"] = "rust",
        ["kt"] = "kotlin",
        ["kts"] = "kotlin",
        ["rb"] = "ruby",
        ["yml"] = "yaml",
        ["pwsh"] = "powershell",
        ["docker"] = "dockerfile",
        ["mk"] = "makefile",
        ["pl"] = "perl",
        ["json5"] = "jsonc",
    };

    /// <summary>Every language id that <see cref="ForLanguage"/> resolves.</summary>
    public static IReadOnlyCollection<string> SupportedLanguageIds => ByLanguage.Keys;

    // ----- The families -----

    private static readonly CommentSyntax C = new()
    {
        Name = "c",
        LineCommentMarkers = ["//"],
        LineCommentsContinueWithBackslash = true,
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        BangDocComments = true,
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.CharLiteral,
        CodeEscape = '\\',
        Features = LiteralFeatures.DigitSeparators,
    };

    private static readonly CommentSyntax Cpp = new()
    {
        Name = "cpp",
        LineCommentMarkers = ["//"],
        LineCommentsContinueWithBackslash = true,
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        BangDocComments = true,
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.CharLiteral,
        CodeEscape = '\\',
        Features = LiteralFeatures.DigitSeparators | LiteralFeatures.CppRawStrings,
    };

    private static readonly CommentSyntax CSharp = new()
    {
        Name = "csharp",
        LineCommentMarkers = ["//"],
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.CharLiteral,
        Features = LiteralFeatures.CSharpStrings,
    };

    private static readonly CommentSyntax Java = new()
    {
        Name = "java",
        LineCommentMarkers = ["//"],
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.CharLiteral,
        TripleQuotes = TripleQuoteRule.LikeSingle,
    };

    private static readonly CommentSyntax JavaScript = new()
    {
        Name = "javascript",
        LineCommentMarkers = ["//"],
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Escaped,
        Backticks = BacktickRule.TemplateLiteral,
        Features = LiteralFeatures.RegexLiterals,
    };

    private static readonly CommentSyntax JsonWithComments = new()
    {
        Name = "jsonc",
        LineCommentMarkers = ["//"],
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        DoubleQuotes = QuoteRule.Escaped,
    };

    private static readonly CommentSyntax Go = new()
    {
        Name = "go",
        LineCommentMarkers = ["//"],
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.CharLiteral,
        Backticks = BacktickRule.RawString,
    };

    private static readonly CommentSyntax Rust = new()
    {
        Name = "rust",
        LineCommentMarkers = ["//"],
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        BlockCommentsNest = true,
        BangDocComments = true,
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.CharOrLifetime,
        QuotedStringsSpanLines = true,
        Features = LiteralFeatures.RustRawStrings,
    };

    private static readonly CommentSyntax Swift = new()
    {
        Name = "swift",
        LineCommentMarkers = ["//"],
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        BlockCommentsNest = true,
        DoubleQuotes = QuoteRule.Escaped,
        TripleQuotes = TripleQuoteRule.LikeSingle,
        Interpolation = InterpolationStyle.BackslashParen,
        Backticks = BacktickRule.QuotedName,
        Features = LiteralFeatures.SwiftRawStrings,
    };

    private static readonly CommentSyntax Kotlin = new()
    {
        Name = "kotlin",
        LineCommentMarkers = ["//"],
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        BlockCommentsNest = true,
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.CharLiteral,
        TripleQuotes = TripleQuoteRule.Raw,
        Interpolation = InterpolationStyle.DollarBrace,
        Backticks = BacktickRule.QuotedName,
    };

    private static readonly CommentSyntax Scala = new()
    {
        Name = "scala",
        LineCommentMarkers = ["//"],
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        BlockCommentsNest = true,
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.CharOrLifetime,
        TripleQuotes = TripleQuoteRule.Raw,
        Backticks = BacktickRule.QuotedName,
    };

    private static readonly CommentSyntax Dart = new()
    {
        Name = "dart",
        LineCommentMarkers = ["//"],
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        BlockCommentsNest = true,
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Escaped,
        TripleQuotes = TripleQuoteRule.LikeSingle,
        Interpolation = InterpolationStyle.DollarBrace,
        SingleQuotesInterpolate = true,
        Features = LiteralFeatures.DartRawStrings,
    };

    private static readonly CommentSyntax Python = new()
    {
        Name = "python",
        LineCommentMarkers = ["#"],
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Escaped,
        TripleQuotes = TripleQuoteRule.LikeSingle,
        CodeEscape = '\\',
        Features = LiteralFeatures.PythonStrings,
    };

    private static readonly CommentSyntax Ruby = new()
    {
        Name = "ruby",
        LineCommentMarkers = ["#"],
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Escaped,
        QuotedStringsSpanLines = true,
        Interpolation = InterpolationStyle.HashBrace,
        Backticks = BacktickRule.InterpolatedString,
        CodeEscape = '\\',
        Features = LiteralFeatures.RubyHeredocs | LiteralFeatures.RubyLiterals | LiteralFeatures.RegexLiterals
            | LiteralFeatures.DollarPunctuationVariables | LiteralFeatures.EmbeddedDocs | LiteralFeatures.EndMarker,
    };

    private static readonly CommentSyntax Shell = new()
    {
        Name = "shell",
        LineCommentMarkers = ["#"],
        LineCommentPlacement = LineCommentPlacement.WordStart,
        WordSeparators = ";&|()<>",
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Verbatim,
        QuotedStringsSpanLines = true,
        Interpolation = InterpolationStyle.DollarParen,
        Backticks = BacktickRule.EscapedString,
        CodeEscape = '\\',
        Features = LiteralFeatures.ShellDollarQuotes | LiteralFeatures.ShellHeredocs,
    };

    private static readonly CommentSyntax PowerShell = new()
    {
        Name = "powershell",
        LineCommentMarkers = ["#"],
        LineCommentPlacement = LineCommentPlacement.WordStart,
        WordSeparators = ";|(){},=",
        BlockCommentStart = "<#",
        BlockCommentEnd = "#>",
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Verbatim,
        QuotedStringsSpanLines = true,
        StringEscape = '`',
        CodeEscape = '`',
        Interpolation = InterpolationStyle.DollarParen,
        Features = LiteralFeatures.PowerShellHereStrings,
    };

    private static readonly CommentSyntax Yaml = new()
    {
        Name = "yaml",
        LineCommentMarkers = ["#"],
        LineCommentPlacement = LineCommentPlacement.AfterWhitespace,
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Verbatim,
        QuotedStringsSpanLines = true,
        Features = LiteralFeatures.YamlScalars,
    };

    private static readonly CommentSyntax Toml = new()
    {
        Name = "toml",
        LineCommentMarkers = ["#"],
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Verbatim,
        TripleQuotes = TripleQuoteRule.LikeSingle,
    };

    private static readonly CommentSyntax Sql = new()
    {
        Name = "sql",
        LineCommentMarkers = ["--"],
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        DoubleQuotes = QuoteRule.Verbatim,
        SingleQuotes = QuoteRule.Verbatim,
        QuotedStringsSpanLines = true,
        Backticks = BacktickRule.QuotedName,
        Features = LiteralFeatures.SqlEscapeStrings,
    };

    private static readonly CommentSyntax Lua = new()
    {
        Name = "lua",
        LineCommentMarkers = ["--"],
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Escaped,
        Features = LiteralFeatures.LuaLongBrackets,
    };

    private static readonly CommentSyntax Html = new()
    {
        Name = "html",
        BlockCommentStart = "<!--",
        BlockCommentEnd = "-->",
    };

    private static readonly CommentSyntax Xml = new()
    {
        Name = "xml",
        BlockCommentStart = "<!--",
        BlockCommentEnd = "-->",
        Features = LiteralFeatures.XmlCData,
    };

    private static readonly CommentSyntax Css = new()
    {
        Name = "css",
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Escaped,
    };

    private static readonly CommentSyntax CssWithLineComments = new()
    {
        Name = "scss",
        LineCommentMarkers = ["//"],
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Escaped,
        Features = LiteralFeatures.CssUrls,
    };

    private static readonly CommentSyntax Dockerfile = new()
    {
        Name = "dockerfile",
        LineCommentMarkers = ["#"],
        LineCommentPlacement = LineCommentPlacement.LineStart,
    };

    private static readonly CommentSyntax Makefile = new()
    {
        Name = "makefile",
        LineCommentMarkers = ["#"],
        CodeEscape = '\\',
    };

    private static readonly CommentSyntax R = new()
    {
        Name = "r",
        LineCommentMarkers = ["#"],
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Escaped,
        QuotedStringsSpanLines = true,
        Backticks = BacktickRule.QuotedName,
        Features = LiteralFeatures.RRawStrings,
    };

    private static readonly CommentSyntax Perl = new()
    {
        Name = "perl",
        LineCommentMarkers = ["#"],
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Escaped,
        QuotedStringsSpanLines = true,
        Backticks = BacktickRule.EscapedString,
        CodeEscape = '\\',
        Features = LiteralFeatures.PerlPod | LiteralFeatures.EndMarker | LiteralFeatures.DollarPunctuationVariables
            | LiteralFeatures.RegexLiterals,
    };

    private static readonly CommentSyntax Php = new()
    {
        Name = "php",
        LineCommentMarkers = ["//", "#"],
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Escaped,
        QuotedStringsSpanLines = true,
        Backticks = BacktickRule.EscapedString,
        Features = LiteralFeatures.HashBracketIsCode,
    };

    // ----- The table: VS Code language id -> family -----

    private static readonly Dictionary<string, CommentSyntax> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["c"] = C,
        ["objective-c"] = C,
        ["cpp"] = Cpp,
        ["cuda-cpp"] = Cpp,
        ["objective-cpp"] = Cpp,
        ["csharp"] = CSharp,
        ["java"] = Java,
        ["javascript"] = JavaScript,
        ["javascriptreact"] = JavaScript,
        ["typescript"] = JavaScript,
        ["typescriptreact"] = JavaScript,
        ["jsonc"] = JsonWithComments,
        ["go"] = Go,
        ["rust"] = Rust,
        ["swift"] = Swift,
        ["kotlin"] = Kotlin,
        ["scala"] = Scala,
        ["dart"] = Dart,
        ["python"] = Python,
        ["ruby"] = Ruby,
        ["shellscript"] = Shell,
        ["bash"] = Shell,
        ["sh"] = Shell,
        ["zsh"] = Shell,
        ["powershell"] = PowerShell,
        ["yaml"] = Yaml,
        ["toml"] = Toml,
        ["sql"] = Sql,
        ["lua"] = Lua,
        ["html"] = Html,
        ["xml"] = Xml,
        ["css"] = Css,
        ["scss"] = CssWithLineComments,
        ["less"] = CssWithLineComments,
        ["dockerfile"] = Dockerfile,
        ["makefile"] = Makefile,
        ["r"] = R,
        ["perl"] = Perl,
        ["php"] = Php,

        // Neovim and Vim name some filetypes differently from VS Code.
        ["cs"] = CSharp,
        ["ps1"] = PowerShell,
        ["make"] = Makefile,
        ["objc"] = C,
        ["objcpp"] = Cpp,
        ["cuda"] = Cpp,
    };
}
