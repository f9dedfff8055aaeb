using LspGlossary.Core.Analysis;
using LspGlossary.Core.Text;
using Xunit;

namespace LspGlossary.Tests;

/// <summary>
/// Tests for <see cref="CodeComments"/> and the <see cref="CommentSyntax"/> table. The main table is data: each
/// row gives a language id, a source text, and the expected comment contents, each trimmed, joined by " | "
/// (an empty string means that no comment is found). In most rows "no" marks text that must not be found and
/// "yes" text that must be.
/// </summary>
public class CommentLexerTests
{
    [Theory]
    // ----- C# -----
    [InlineData("csharp", "var s = \"// no\"; // yes LoRA", "yes LoRA")]
    [InlineData("csharp", "var s = \"a\\\"// no\"; /* yes */", "yes")]
    [InlineData("csharp", "var s = @\"C:\\dir\\\"\" // no\"; // yes", "yes")]
    [InlineData("csharp", "var s = \"\"\"\n  // no \"\" \n  \"\"\"; // yes", "yes")]
    [InlineData("csharp", "var s = \"\"\"\" a \"\"\" // no \"\"\"\"; // yes", "yes")]
    [InlineData("csharp", "var s = $\"{x /* in hole */} // no {y}\"; // yes", "in hole | yes")]
    [InlineData("csharp", "var s = $@\"{a} \"\" // no\"; // yes", "yes")]
    [InlineData("csharp", "var s = @$\"{a}\n\"\" // no\"; // yes", "yes")]
    [InlineData("csharp", "var s = $$\"\"\"{ // no }{{x}}\"\"\"; // yes", "yes")]
    [InlineData("csharp", "var s = $\"{(a ? \"}\" : \"b\")} // no\"; // yes", "yes")]
    [InlineData("csharp", "var s = $\"{x:N2} // no {{ // no }}\"; // yes", "yes")]
    [InlineData("csharp", "char c = '\"'; char d = '\\''; // yes", "yes")]
    [InlineData("csharp", "/// <summary>LoRA</summary>\n/** Doc RLHF */\n/**/ x", "<summary>LoRA</summary> | Doc RLHF")]
    [InlineData("csharp", "#region Setup // yes\nvar u = \"http://x\"; //last", "yes | last")]
    // ----- JavaScript and TypeScript -----
    [InlineData("javascript", "const s = \"// no\"; // yes", "yes")]
    [InlineData("javascript", "const s = 'it\\'s // no'; /* yes */", "yes")]
    [InlineData("javascript", "const t = `a ${b /* in */} // no`; // yes", "in | yes")]
    [InlineData("javascript", "const t = `x ${ f(`y ${ \"}\" } z`) } // no`; // yes", "yes")]
    [InlineData("javascript", "const t = `${a // c1\n}` // yes", "c1 | yes")]
    [InlineData("javascript", "const t = `line1\n// no\nline3`; // yes", "yes")]
    [InlineData("javascript", "const r = /\"\\/\\//g; // yes", "yes")]
    [InlineData("javascript", "const r = /[/\"]/.test(s); // yes", "yes")]
    [InlineData("javascript", "const x = a / b / c; // yes", "yes")]
    [InlineData("javascript", "return /'/.test(s) // yes", "yes")]
    [InlineData("javascriptreact", "const a = \"/*\"; /** JSX doc */", "JSX doc")]
    [InlineData("typescript", "const s: string = `a\\`// no`; // yes", "yes")]
    [InlineData("typescript", "/** @param x LoRA */\nfunction f(x: number) {}", "@param x LoRA")]
    [InlineData("typescriptreact", "let t = `${`${'`'}`}` // yes", "yes")]
    // ----- Python -----
    [InlineData("python", "x = \"# no\"  # yes RLHF", "yes RLHF")]
    [InlineData("python", "def f():\n    \"\"\"Doc LoRA.\"\"\"\n    return 1", "Doc LoRA.")]
    [InlineData("python", "'''Single doc.'''\nx = 1", "Single doc.")]
    [InlineData("python", "# c\n\"\"\"Module doc.\"\"\"", "c | Module doc.")]
    [InlineData("python", "x = \"\"\"# no\"\"\"  # yes", "yes")]
    [InlineData("python", "\"\"\"a\"\"\".join(x)  # yes", "yes")]
    [InlineData("python", "x = (\n    \"\"\"no\"\"\"\n)", "")]
    [InlineData("python", "x = 1 + \\\n\"\"\"no\"\"\"", "")]
    [InlineData("python", "r'''Raw doc.'''\nf\"\"\"no\"\"\"\nb\"\"\"no\"\"\"", "Raw doc.")]
    [InlineData("python", "y = f\"{x:#x} # no\"  # yes", "yes")]
    [InlineData("python", "y = f\"{d[\"k\"]} # no\"  # yes", "yes")]
    [InlineData("python", "y = f\"{x:{w}} # no {{ # no }}\"  # yes", "yes")]
    [InlineData("python", "y = r\"\\\" # no\"  # yes", "yes")]
    [InlineData("python", "y = rb'\\' # no'  # yes", "yes")]
    [InlineData("python", "y = '# no\\\n# still no'  # yes", "yes")]
    [InlineData("python", "y = f'''\n{x # in hole\n}\n# no'''", "in hole")]
    [InlineData("python", "class A:\n    '''Doc.'''  # yes\n    x = '''no'''", "Doc. | yes")]
    // ----- Rust -----
    [InlineData("rust", "let s = \"// no\"; // yes", "yes")]
    [InlineData("rust", "fn f<'a>(x: &'a str) -> &'a str { x } // yes", "yes")]
    [InlineData("rust", "const S: &'static str = \"x\"; // yes", "yes")]
    [InlineData("rust", "let c = '\"'; let q = '\\''; let b = b'\"'; // yes", "yes")]
    [InlineData("rust", "let s = r#\"a \" // no\"#; // yes", "yes")]
    [InlineData("rust", "let s = br##\"x\"# // no\"##; // yes", "yes")]
    [InlineData("rust", "let s = r\"C:\\\"; // yes", "yes")]
    [InlineData("rust", "let s = \"line1\n// no\nline3\"; // yes", "yes")]
    [InlineData("rust", "/* outer /* inner */ still */ code // yes", "outer /* inner */ still | yes")]
    [InlineData("rust", "//! Crate doc\n/// Item doc\n/*! Inner */\n/** Outer */", "Crate doc | Item doc | Inner | Outer")]
    [InlineData("rust", "let r#type = 1; 'outer: loop {} // yes", "yes")]
    [InlineData("rust", "fn g<'a>(x: &'a/* in */ str) {} // yes", "in | yes")]
    // ----- Go -----
    [InlineData("go", "s := \"// no\" // yes", "yes")]
    [InlineData("go", "s := `a\n// no\n\"` // yes", "yes")]
    [InlineData("go", "s := `C:\\` // yes", "yes")]
    [InlineData("go", "r := '\"'; q := '\\'' // yes", "yes")]
    [InlineData("go", "/* a */ x /* b */", "a | b")]
    [InlineData("go", "x := \"\\\"/* no */\" // yes", "yes")]
    // ----- Swift -----
    [InlineData("swift", "let s = \"// no\" // yes", "yes")]
    [InlineData("swift", "let s = \"\\(a /* in */) // no\" // yes", "in | yes")]
    [InlineData("swift", "let s = \"\\(f(\")\")) // no\" // yes", "yes")]
    [InlineData("swift", "let s = \"\"\"\n  // no \"quote\"\n  \"\"\" // yes", "yes")]
    [InlineData("swift", "let s = #\"\\\" // no\"# // yes", "yes")]
    [InlineData("swift", "let s = #\"\\#(x /* in */) // no\"# // yes", "in | yes")]
    [InlineData("swift", "let s = #\"\"\"\n\"\"\" // no\n\"\"\"# // yes", "yes")]
    [InlineData("swift", "/* a /* b */ c */ #if DEBUG // yes", "a /* b */ c | yes")]
    // ----- Kotlin -----
    [InlineData("kotlin", "val s = \"// no\" // yes", "yes")]
    [InlineData("kotlin", "val s = \"${a /* in */} // no\" // yes", "in | yes")]
    [InlineData("kotlin", "val s = \"\"\"\n  \\\" // no\n\"\"\" // yes", "yes")]
    [InlineData("kotlin", "val s = \"\"\"${ \"}\" } // no\"\"\" // yes", "yes")]
    [InlineData("kotlin", "val c = '\"'; val d = '\\'' // yes", "yes")]
    [InlineData("kotlin", "/* a /* b */ c */ val x = \"\\\"// no\" // yes", "a /* b */ c | yes")]
    [InlineData("kotlin", "fun `a // b`() {} // yes", "yes")]
    // ----- Shell -----
    [InlineData("shellscript", "echo \"# no\" # yes", "yes")]
    [InlineData("shellscript", "echo $# ${#x} a#b # yes", "yes")]
    [InlineData("shellscript", "echo 'it''s # no' # yes", "yes")]
    [InlineData("shellscript", "echo \"$(echo \"# no\")\" # yes", "yes")]
    [InlineData("shellscript", "cat <<EOF\n# no\nEOF\n# yes", "yes")]
    [InlineData("shellscript", "cat <<-'END' # yes\n\t# no\n\tEND\n# yes2", "yes | yes2")]
    [InlineData("shellscript", "echo \\# not # yes", "yes")]
    [InlineData("shellscript", "x=$'it\\'s # no' # yes", "yes")]
    [InlineData("shellscript", "cat <<< \"x\" # yes", "yes")]
    [InlineData("shellscript", "echo $((1<<2)) # yes", "yes")]
    [InlineData("bash", "#!/bin/bash\nx=1;# yes", "!/bin/bash | yes")]
    [InlineData("zsh", "echo ${x#pre} \"a\"#b # yes", "yes")]
    [InlineData("sh", "echo 'multi\n# no\nline' # yes", "yes")]
    // ----- PowerShell -----
    [InlineData("powershell", "Write-Host \"# no\" # yes", "yes")]
    [InlineData("powershell", "<# block LoRA #> $x = 1", "block LoRA")]
    [InlineData("powershell", "Write-Host \"a`\"# no\" # yes", "yes")]
    [InlineData("powershell", "$s = @\"\n# no \"@ still\n\"@ # yes", "yes")]
    [InlineData("powershell", "$s = @'\n# no\n'@\n# yes", "yes")]
    [InlineData("powershell", "'it''s # no' # yes", "yes")]
    [InlineData("powershell", "echo a#b # yes", "yes")]
    [InlineData("powershell", "\"$( \"# no\" ) # no\" # yes", "yes")]
    [InlineData("powershell", "Write-Host `# no # yes", "yes")]
    [InlineData("powershell", "if ($x) {# yes\n}", "yes")]
    // ----- Ruby -----
    [InlineData("ruby", "x = \"# no\" # yes", "yes")]
    [InlineData("ruby", "x = \"#{\"}\"} # no\" # yes", "yes")]
    [InlineData("ruby", "x = \"#{a # in\n} # no\" # yes", "in | yes")]
    [InlineData("ruby", "=begin\nLoRA doc\n=end\nx = 1 # yes", "LoRA doc | yes")]
    [InlineData("ruby", "x = %w[# no] # yes", "yes")]
    [InlineData("ruby", "x = <<~EOS\n  # no\n  EOS\n# yes", "yes")]
    [InlineData("ruby", "c = ?# # yes", "yes")]
    [InlineData("ruby", "x = 'it\\'s # no' # yes", "yes")]
    [InlineData("ruby", "x =~ /#no/ # yes", "yes")]
    [InlineData("ruby", "puts $\" # yes", "yes")]
    [InlineData("ruby", "x = a % b # yes", "yes")]
    [InlineData("ruby", "puts 1\n__END__\n# data", "")]
    [InlineData("ruby", "`echo #{x} # no` # yes", "yes")]
    // ----- Lua -----
    [InlineData("lua", "local s = \"-- no\" -- yes", "yes")]
    [InlineData("lua", "--[[ block LoRA ]] x = 1", "block LoRA")]
    [InlineData("lua", "--[==[ a ]] b ]==] -- yes", "a ]] b | yes")]
    [InlineData("lua", "local s = [[ -- no ]] -- yes", "yes")]
    [InlineData("lua", "local s = [=[ ]] -- no ]=] -- yes", "yes")]
    [InlineData("lua", "local s = 'it\\'s -- no' -- yes", "yes")]
    [InlineData("lua", "---LuaDoc\nx = a--b", "LuaDoc | b")]
    [InlineData("lua", "--[ not long\nx = 1", "[ not long")]
    // ----- YAML -----
    [InlineData("yaml", "key: value # yes", "yes")]
    [InlineData("yaml", "url: http://x/#frag # yes", "yes")]
    [InlineData("yaml", "key: \"a # no\" # yes", "yes")]
    [InlineData("yaml", "key: 'it''s # no' # yes", "yes")]
    [InlineData("yaml", "msg: don't # yes\nb: \"x\" # yes2", "yes | yes2")]
    [InlineData("yaml", "run: |\n  echo # no\n\n  x\nnext: 1 # yes", "yes")]
    [InlineData("yaml", "run: >- # yes\n  # no\n", "yes")]
    [InlineData("yaml", "- key: |\n    # no\n  other: x # yes", "yes")]
    [InlineData("yaml", "# top\nkey: [a, 'b # no'] # yes", "top | yes")]
    [InlineData("yaml", "key: !!str \"a # no\" # yes", "yes")]
    [InlineData("yaml", "a: x|y # yes\nb: 1 # yes2", "yes | yes2")]
    // ----- TOML -----
    [InlineData("toml", "key = \"# no\" # yes", "yes")]
    [InlineData("toml", "key = 'C:\\' # yes", "yes")]
    [InlineData("toml", "key = \"\"\"\n# no\n\"\"\" # yes", "yes")]
    [InlineData("toml", "key = '''\n# no ' '' \n''' # yes", "yes")]
    [InlineData("toml", "[table] # yes\n\"a#b\" = 1", "yes")]
    [InlineData("toml", "key = \"a\\\" # no\" # yes", "yes")]
    // ----- SQL -----
    [InlineData("sql", "SELECT '-- no' -- yes", "yes")]
    [InlineData("sql", "SELECT 'it''s -- no' /* yes */", "yes")]
    [InlineData("sql", "SELECT \"col--x\" FROM t -- yes", "yes")]
    [InlineData("sql", "SELECT E'it\\'s -- no' -- yes", "yes")]
    [InlineData("sql", "SELECT 'C:\\' -- yes", "yes")]
    [InlineData("sql", "/* multi\nline */ SELECT 1 --- yes", "multi\nline | yes")]
    [InlineData("sql", "SELECT `a--b` -- yes", "yes")]
    // ----- HTML, XML, CSS -----
    [InlineData("html", "<p>text // no</p><!-- yes LoRA -->", "yes LoRA")]
    [InlineData("html", "<!--\n multi \n--><p>don't</p><!---->", "multi")]
    [InlineData("xml", "<a><!-- yes --></a>", "yes")]
    [InlineData("xml", "<![CDATA[ <!-- no --> ]]><!-- yes -->", "yes")]
    [InlineData("css", "a { content: \"/* no */\"; } /* yes */", "yes")]
    [InlineData("css", "a { background: url(x.png); } // not in css", "")]
    [InlineData("scss", "// yes\na { content: '// no'; }", "yes")]
    [InlineData("scss", "a { background: url(http://x.com/a.png); } // yes", "yes")]
    [InlineData("less", "@x: 1; // yes\n/* yes2 */", "yes | yes2")]
    // ----- C, C++, Java -----
    [InlineData("c", "printf(\"/* no */\"); // yes", "yes")]
    [InlineData("c", "char c = '\"'; /* yes */", "yes")]
    [InlineData("c", "// a \\\n continued\nint x;", "a \\\n continued")]
    [InlineData("c", "#define S \"// no\" // yes", "yes")]
    [InlineData("cpp", "auto s = R\"x(// no )\" )x\"; // yes", "yes")]
    [InlineData("cpp", "int n = 1'000'000; // yes", "yes")]
    [InlineData("cpp", "auto s = u8\"// no\"; //! yes", "yes")]
    [InlineData("java", "String s = \"\"\"\n  // no \\\"\"\"\n  \"\"\"; // yes", "yes")]
    [InlineData("java", "char c = '\"'; /** Javadoc LoRA */", "Javadoc LoRA")]
    // ----- Other languages -----
    [InlineData("scala", "val s = \"\"\"a \" // no\"\"\" // yes", "yes")]
    [InlineData("scala", "val c = '\"'; val x = 'sym // yes", "yes")]
    [InlineData("dart", "var s = '${a /* in */} // no'; // yes", "in | yes")]
    [InlineData("dart", "var s = r'\\' // yes\n/// doc", "yes | doc")]
    [InlineData("dockerfile", "# syntax=docker/dockerfile:1\nFROM x", "syntax=docker/dockerfile:1")]
    [InlineData("dockerfile", "RUN echo # no\n  # yes", "yes")]
    [InlineData("makefile", "CFLAGS = -O2 # yes", "yes")]
    [InlineData("makefile", "X = a\\#b # yes", "yes")]
    [InlineData("r", "x <- \"# no\" # yes", "yes")]
    [InlineData("r", "x <- r\"(# no)\" # yes", "yes")]
    [InlineData("r", "`a#b` <- 1 # yes", "yes")]
    [InlineData("perl", "my $s = \"# no\"; # yes", "yes")]
    [InlineData("perl", "print $#array; # yes", "yes")]
    [InlineData("perl", "=pod\n\nDoc LoRA\n\n=cut\nmy $x; # yes", "Doc LoRA | yes")]
    [InlineData("php", "$s = \"# no\"; # yes", "yes")]
    [InlineData("php", "#[Attribute]\nclass A {} // yes", "yes")]
    [InlineData("jsonc", "{\"a\": \"// no\", /* yes */ \"b\": 1} // c", "yes | c")]
    public void Finds_comment_contents(string languageId, string source, string expected)
    {
        Assert.Equal(expected, Comments(languageId, source));
    }

    [Fact]
    public void Spans_exclude_the_delimiters_exactly()
    {
        Assert.Equal(["x", " y ", "z"], Pieces("csharp", "a //x\n/* y */ b ///z"));
        Assert.Equal(["p", " doc "], Pieces("python", "#p\n\"\"\" doc \"\"\""));
        Assert.Equal([" h "], Pieces("html", "<!-- h -->"));
        Assert.Equal(["l"], Pieces("lua", "--[==[l]==]"));
        Assert.Equal([" p "], Pieces("powershell", "<# p #>"));
    }

    [Fact]
    public void Line_comments_stop_before_the_line_break()
    {
        Assert.Equal(["a", "b"], Pieces("csharp", "//a\r\n//b\r\n"));
        Assert.Equal(["a", "b"], Pieces("python", "#a\r#b"));
    }

    // ----- Unterminated input -----

    [Theory]
    [InlineData("csharp", "/* never closed LoRA", "never closed LoRA")]
    [InlineData("csharp", "var s = \"open // no\nvar t = 1; // yes", "yes")]
    [InlineData("csharp", "var s = @\"open // no\n// no", "")]
    [InlineData("csharp", "var s = $\"{ // in hole", "in hole")]
    [InlineData("python", "\"\"\"never closed docstring", "never closed docstring")]
    [InlineData("python", "x = 'open # no\n# yes", "yes")]
    [InlineData("javascript", "const t = `a ${ b", "")]
    [InlineData("rust", "/* a /* b */", "a /* b */")]
    [InlineData("rust", "let s = r#\"open // no", "")]
    [InlineData("lua", "--[[ open", "open")]
    [InlineData("html", "<!-- open", "open")]
    [InlineData("shellscript", "cat <<EOF\n# no terminator, so not a heredoc", "no terminator, so not a heredoc")]
    [InlineData("ruby", "=begin\nopen doc", "open doc")]
    [InlineData("swift", "let s = #\"open // no", "")]
    [InlineData("csharp", "//", "")]
    [InlineData("csharp", "\"", "")]
    [InlineData("rust", "'", "")]
    [InlineData("python", "f\"{", "")]
    public void Unterminated_input_runs_to_the_end(string languageId, string source, string expected)
    {
        Assert.Equal(expected, Comments(languageId, source));
    }

    // ----- Diagnostics controls -----

    [Fact]
    public void Disable_next_line_silences_the_whole_following_line()
    {
        string text = "// glossary-disable-next-line\nLoRA here\nLora there";
        Assert.Equal(["LoRA here\n"], Silenced("csharp", text));
    }

    [Fact]
    public void Disable_next_line_in_a_block_comment_counts_from_the_line_where_it_ends()
    {
        string text = "/* a\nglossary-disable-next-line */ x\ny\nz";
        Assert.Equal(["y\n"], Silenced("csharp", text));
    }

    [Fact]
    public void Disable_next_line_on_the_last_line_silences_nothing()
    {
        Assert.Empty(Silenced("python", "x = 1  # glossary-disable-next-line"));
    }

    [Fact]
    public void Disable_runs_until_a_later_enable_comment()
    {
        string text = "x # glossary-disable\na\n# glossary-enable\nb";
        Assert.Equal(["\na\n"], Silenced("python", text));
    }

    [Fact]
    public void Disable_without_enable_runs_to_the_end()
    {
        string text = "a\n/* glossary-disable */ b\nc";
        Assert.Equal([" b\nc"], Silenced("csharp", text));
    }

    [Fact]
    public void Enable_without_disable_and_a_second_disable_change_nothing()
    {
        string text = "# glossary-enable\nx\n# glossary-disable\ny\n# glossary-disable\nz\n# glossary-enable\nw";
        Assert.Equal(["\ny\n# glossary-disable\nz\n"], Silenced("shellscript", text));
    }

    [Fact]
    public void Directives_inside_strings_are_ignored()
    {
        Assert.Empty(Silenced("python", "s = \"# glossary-disable\"\nLoRA\n"));
        Assert.Empty(Silenced("javascript", "s = '// glossary-disable-next-line'\nLoRA\n"));
    }

    [Fact]
    public void Overlapping_silenced_spans_are_merged()
    {
        string text = "// glossary-disable\n// glossary-disable-next-line\nx\n// glossary-enable\ny";
        var regions = Analyze("csharp", text);
        var span = Assert.Single(regions.DiagnosticsOff);
        Assert.Equal("\n// glossary-disable-next-line\nx\n", text.Substring(span.Start, span.Length));
    }

    [Fact]
    public void A_docstring_can_hold_a_directive()
    {
        string text = "\"\"\"glossary-disable-next-line\"\"\"\nLoRA\nok";
        Assert.Equal(["LoRA\n"], Silenced("python", text));
    }

    // ----- The table -----

    [Fact]
    public void Every_supported_language_id_resolves()
    {
        Assert.NotEmpty(Languages.All.Select(language => language.Id));
        foreach (string id in Languages.All.Select(language => language.Id))
        {
            var syntax = Languages.CommentSyntaxFor(id);
            Assert.NotNull(syntax);
            Assert.True(syntax.LineCommentMarkers.Count > 0 || syntax.BlockCommentStart is not null, $"{id} has no comments.");
        }
    }

    [Fact]
    public void The_required_languages_are_supported_and_others_are_not()
    {
        string[] required =
        [
            "c", "cpp", "csharp", "java", "javascript", "javascriptreact", "typescript", "typescriptreact", "go",
            "rust", "swift", "kotlin", "python", "ruby", "shellscript", "bash", "sh", "zsh", "powershell", "yaml",
            "toml", "sql", "lua", "html", "xml", "css", "scss", "less", "dockerfile", "makefile", "r", "perl",
            "php", "scala", "dart",
        ];
        foreach (string id in required) Assert.NotNull(Languages.Find(id));
        Assert.Null(Languages.CommentSyntaxFor("markdown"));
        Assert.Null(Languages.CommentSyntaxFor("plaintext"));
        Assert.Null(Languages.CommentSyntaxFor(""));
    }

    // ----- Robustness -----

    [Fact]
    public void Cancellation_is_observed()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        string text = string.Concat(Enumerable.Repeat("x = 1 // c\n", 20_000));
        Assert.Throws<OperationCanceledException>(() => CodeComments.Analyze(text, Languages.CommentSyntaxFor("csharp")!, source.Token));
    }

    [Fact]
    public void Empty_text_has_no_regions()
    {
        Assert.Same(DocumentRegions.Empty, CodeComments.Analyze("", Languages.CommentSyntaxFor("python")!));
    }

    [Fact]
    public void Random_input_never_throws_and_spans_are_well_formed()
    {
        const string Alphabet = "\"'`\\/*#-$@{}()[]<>=|%?!:;,.~^&+ \t\n\r\n\raAbBrREfFuU0123_ELOF\u00e9\ud83d\ude00";
        var random = new Random(12345);
        var buffer = new char[160];
        foreach (string id in Languages.All.Select(language => language.Id))
        {
            var syntax = Languages.CommentSyntaxFor(id)!;
            for (int iteration = 0; iteration < 400; iteration++)
            {
                int length = random.Next(buffer.Length);
                for (int i = 0; i < length; i++) buffer[i] = Alphabet[random.Next(Alphabet.Length)];
                string text = new(buffer, 0, length);
                var regions = CodeComments.Analyze(text, syntax);
                AssertWellFormed(regions.Searchable, text.Length, id, text);
                AssertWellFormed(regions.DiagnosticsOff, text.Length, id, text);
            }
        }
    }

    [Fact]
    public void Pathological_runs_give_well_formed_regions()
    {
        // Long runs of openers: the lexer must stay linear (a quadratic lexer would take minutes here; timings
        // belong in benchmarks, not in tests) and give sorted, in-range, non-overlapping spans.
        foreach (string prefix in new[] { "", "x = $\"" })
        {
            foreach (string run in new[] { "$", "\"", "{", "#", "<<'", "'", "[", "/[", "%", "a'" })
            {
                string text = prefix + string.Concat(Enumerable.Repeat(run, 100_000));
                foreach (string id in new[] { "csharp", "swift", "ruby", "shellscript", "lua", "python", "rust", "yaml", "javascript" })
                {
                    Analyze(id, text);
                }
            }
        }
    }

    // ----- Helpers -----

    private static DocumentRegions Analyze(string languageId, string source)
    {
        var syntax = Languages.CommentSyntaxFor(languageId);
        Assert.NotNull(syntax);
        var regions = CodeComments.Analyze(source, syntax);
        AssertWellFormed(regions.Searchable, source.Length, languageId, source);
        AssertWellFormed(regions.DiagnosticsOff, source.Length, languageId, source);
        return regions;
    }

    private static string[] Pieces(string languageId, string source) =>
        Analyze(languageId, source).Searchable.Select(s => source.Substring(s.Start, s.Length)).ToArray();

    private static string Comments(string languageId, string source) =>
        string.Join(" | ", Pieces(languageId, source).Select(piece => piece.Trim()));

    private static string[] Silenced(string languageId, string source) =>
        Analyze(languageId, source).DiagnosticsOff.Select(s => source.Substring(s.Start, s.Length)).ToArray();

    private static void AssertWellFormed(IReadOnlyList<TextSpan> spans, int length, string languageId, string text)
    {
        int previousEnd = 0;
        foreach (var span in spans)
        {
            Assert.True(span.Length > 0 && span.Start >= previousEnd && span.End <= length,
                $"{languageId}: bad span {span} after {previousEnd} in {text.Length} chars: {Escape(text)}");
            previousEnd = span.End;
        }
    }

    private static string Escape(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n");
}
