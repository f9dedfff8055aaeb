namespace LspGlossary.Core.Analysis;

public sealed partial class CommentSyntax
{
    // ----- The families (the table in Languages names the languages of each) -----

    internal static readonly CommentSyntax C = new()
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

    internal static readonly CommentSyntax Cpp = new()
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

    internal static readonly CommentSyntax CSharp = new()
    {
        Name = "csharp",
        LineCommentMarkers = ["//"],
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.CharLiteral,
        Features = LiteralFeatures.CSharpStrings,
    };

    internal static readonly CommentSyntax Java = new()
    {
        Name = "java",
        LineCommentMarkers = ["//"],
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.CharLiteral,
        TripleQuotes = TripleQuoteRule.LikeSingle,
    };

    internal static readonly CommentSyntax JavaScript = new()
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

    internal static readonly CommentSyntax JsonWithComments = new()
    {
        Name = "jsonc",
        LineCommentMarkers = ["//"],
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        DoubleQuotes = QuoteRule.Escaped,
    };

    internal static readonly CommentSyntax Go = new()
    {
        Name = "go",
        LineCommentMarkers = ["//"],
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.CharLiteral,
        Backticks = BacktickRule.RawString,
    };

    internal static readonly CommentSyntax Rust = new()
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

    internal static readonly CommentSyntax Swift = new()
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

    internal static readonly CommentSyntax Kotlin = new()
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

    internal static readonly CommentSyntax Scala = new()
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

    internal static readonly CommentSyntax Dart = new()
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

    internal static readonly CommentSyntax Python = new()
    {
        Name = "python",
        LineCommentMarkers = ["#"],
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Escaped,
        TripleQuotes = TripleQuoteRule.LikeSingle,
        CodeEscape = '\\',
        Features = LiteralFeatures.PythonStrings,
    };

    internal static readonly CommentSyntax Ruby = new()
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

    internal static readonly CommentSyntax Shell = new()
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

    internal static readonly CommentSyntax PowerShell = new()
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

    internal static readonly CommentSyntax Yaml = new()
    {
        Name = "yaml",
        LineCommentMarkers = ["#"],
        LineCommentPlacement = LineCommentPlacement.AfterWhitespace,
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Verbatim,
        QuotedStringsSpanLines = true,
        Features = LiteralFeatures.YamlScalars,
    };

    internal static readonly CommentSyntax Toml = new()
    {
        Name = "toml",
        LineCommentMarkers = ["#"],
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Verbatim,
        TripleQuotes = TripleQuoteRule.LikeSingle,
    };

    internal static readonly CommentSyntax Sql = new()
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

    internal static readonly CommentSyntax Lua = new()
    {
        Name = "lua",
        LineCommentMarkers = ["--"],
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Escaped,
        Features = LiteralFeatures.LuaLongBrackets,
    };

    internal static readonly CommentSyntax Html = new()
    {
        Name = "html",
        BlockCommentStart = "<!--",
        BlockCommentEnd = "-->",
    };

    internal static readonly CommentSyntax Xml = new()
    {
        Name = "xml",
        BlockCommentStart = "<!--",
        BlockCommentEnd = "-->",
        Features = LiteralFeatures.XmlCData,
    };

    internal static readonly CommentSyntax Css = new()
    {
        Name = "css",
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Escaped,
    };

    internal static readonly CommentSyntax CssWithLineComments = new()
    {
        Name = "scss",
        LineCommentMarkers = ["//"],
        BlockCommentStart = "/*",
        BlockCommentEnd = "*/",
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Escaped,
        Features = LiteralFeatures.CssUrls,
    };

    internal static readonly CommentSyntax Dockerfile = new()
    {
        Name = "dockerfile",
        LineCommentMarkers = ["#"],
        LineCommentPlacement = LineCommentPlacement.LineStart,
    };

    internal static readonly CommentSyntax Makefile = new()
    {
        Name = "makefile",
        LineCommentMarkers = ["#"],
        CodeEscape = '\\',
    };

    internal static readonly CommentSyntax R = new()
    {
        Name = "r",
        LineCommentMarkers = ["#"],
        DoubleQuotes = QuoteRule.Escaped,
        SingleQuotes = QuoteRule.Escaped,
        QuotedStringsSpanLines = true,
        Backticks = BacktickRule.QuotedName,
        Features = LiteralFeatures.RRawStrings,
    };

    internal static readonly CommentSyntax Perl = new()
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

    internal static readonly CommentSyntax Php = new()
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
}
