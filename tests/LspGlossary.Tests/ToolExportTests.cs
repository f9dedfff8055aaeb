using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LspGlossary.Core.Analysis;
using LspGlossary.Core.Glossary;
using LspGlossary.Server.Cli;
using YamlDotNet.RepresentationModel;

namespace LspGlossary.Tests;

/// <summary>
/// The exports for cspell, Vale and autocorrect (pure functions over a glossary), and <c>lsp-glossary export</c>
/// writing them. tests/e2e/run-exports.sh runs cspell, autocorrect and textlint on the exported files.
/// </summary>
public sealed class ToolExportTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lsp-glossary-export-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A glossary with the awkward cases: Chinese and multi-word variants, regex metacharacters, a quote.</summary>
    private static readonly Lazy<Glossary> Odd = new(() =>
    {
        const string yaml = """
            terms:
              - id: pg
                term: policy gradient
                zh: [策略梯度]
                variants: [政策梯度, Policy-Gradient]
                definition: { en: x }
              - id: llamacpp
                term: llama.cpp
                variants: [LlamaCpp, Llama.CPP]
                definition: { en: x }
              - id: int8
                term: INT8
                aliases: [Int8]
                variants: [int-8]
                definition: { en: x }
              - id: rnd
                term: R&D
                variants: [R+D]
                definition: { en: x }
              - id: quote
                term: O'Reilly
                variants: [OReilly]
                definition: { en: x }
            """;
        var file = GlossaryFileParser.Parse(yaml, "odd.glossary.yaml");
        var glossary = Glossary.Build([file]);
        Assert.Empty(glossary.Problems);
        return glossary;
    });

    // ------------------------------------------------------------------ the wrong spellings

    [Fact]
    public void Wrong_spellings_are_the_variants_case_forms_and_plurals_the_engine_flags()
    {
        var wrong = GlossarySpellings.Wrong(TestSupport.Glossary);
        var byWrong = wrong.ToDictionary(w => w.Wrong, StringComparer.Ordinal);
        Assert.True(byWrong["Lora"].Listed);
        Assert.Equal("LoRA", byWrong["Lora"].Right);
        Assert.Equal("LoRAs", byWrong["Loras"].Right);
        Assert.False(byWrong["LORA"].Listed); // a case form, not listed in the test glossary
        Assert.Equal("MoE", byWrong["MOE"].Right);
        Assert.Equal("KV cache", byWrong["KV Cache"].Right);
        Assert.DoesNotContain("lora", byWrong.Keys);   // all lower case: a package name, never flagged
        Assert.DoesNotContain("LoRA", byWrong.Keys);   // accepted
        Assert.DoesNotContain("token", byWrong.Keys);
        Assert.DoesNotContain("Token", byWrong.Keys);  // plain words match in any case
    }

    [Fact]
    public void Every_listed_wrong_spelling_is_a_finding_of_check_with_that_fix()
    {
        foreach (var w in GlossarySpellings.Wrong(TestSupport.Glossary))
        {
            var analysis = TestSupport.Analyze($"We use {w.Wrong} here.\n");
            var diagnostic = Assert.Single(Core.Features.Diagnostics.Compute(analysis, Core.Features.Severity.Warning));
            Assert.Equal(w.Wrong, diagnostic.Found);
            Assert.Equal(w.Right, diagnostic.Replacement);
        }
    }

    [Fact]
    public void Casings_are_enumerated_for_short_spellings_and_all_capitals_for_long_ones()
    {
        var casings = GlossarySpellings.Casings("LoRA").ToList();
        Assert.Equal(15, casings.Count);
        Assert.Contains("lora", casings);
        Assert.DoesNotContain("LoRA", casings);
        Assert.Equal(["PAGEDATTENTION", "Pagedattention"], GlossarySpellings.Casings("PagedAttention"));
        Assert.Equal(["LORA", "Lora"], GlossarySpellings.Casings("LoRA", full: false));
        Assert.Equal(15, GlossarySpellings.Casings("GPT-4o").Count()); // four letters; the digit and hyphen stay
    }

    [Fact]
    public void A_glossary_of_thousands_of_acronyms_gets_fewer_casings_each()
    {
        var yaml = new StringBuilder("terms:\n");
        for (int i = 0; i < 2000; i++)
        {
            string term = "AB" + (char)('A' + i % 26) + (char)('A' + i / 26 % 26) + (char)('A' + i / 676 % 26) + "x";
            yaml.Append($"  - id: t{i}\n    term: {term}\n    definition: {{ en: x }}\n");
        }
        var glossary = Glossary.Build([GlossaryFileParser.Parse(yaml.ToString(), "big.glossary.yaml")]);
        Assert.Empty(glossary.Problems);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var wrong = GlossarySpellings.Wrong(glossary);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), started.Elapsed.ToString());
        Assert.InRange(wrong.Count, 2000, 2000 * 4); // all capitals and capitalized, with plurals: not 2^6 each
        Assert.Contains(wrong, w => w.Wrong == "ABAAAX" && w.Right == "ABAAAx");
    }

    // ------------------------------------------------------------------ cspell

    [Fact]
    public void Cspell_config_has_words_and_flag_words_with_suggestions()
    {
        using var json = JsonDocument.Parse(CspellExport.Create(TestSupport.Glossary));
        var root = json.RootElement;
        Assert.Equal("0.2", root.GetProperty("version").GetString());
        Assert.Contains("lsp-glossary export cspell", root.GetProperty("description").GetString());
        var words = root.GetProperty("words").EnumerateArray().Select(e => e.GetString()!).ToList();
        var flags = root.GetProperty("flagWords").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains("LoRA", words);
        Assert.Contains("KV-cache", words);
        Assert.Contains("KV", words);       // from "KV cache"
        Assert.Contains("Adaptation", words); // from the expansion
        Assert.Contains("Lora->LoRA", flags);
        Assert.Contains("Loras->LoRAs", flags);
        Assert.Contains("MOE->MoE", flags);
        Assert.DoesNotContain(flags, f => f.StartsWith("KV Cache", StringComparison.Ordinal)); // several words: cspell checks one
        Assert.DoesNotContain(flags, f => f.StartsWith("lora->", StringComparison.Ordinal));
        Assert.Equal(words.Count, words.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Cspell_leaves_out_chinese_and_escapes_json()
    {
        using var json = JsonDocument.Parse(CspellExport.Create(Odd.Value));
        var flags = json.RootElement.GetProperty("flagWords").EnumerateArray().Select(e => e.GetString()!).ToList();
        var words = json.RootElement.GetProperty("words").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.DoesNotContain(flags, f => f.Contains("政策"));
        Assert.Contains("Policy-Gradient->policy gradient", flags);
        Assert.Contains("OReilly->O'Reilly", flags);
        Assert.Contains("llama.cpp", words);
        Assert.Contains("gradient", words);
        Assert.Equal("\"a\\\"b\\\\c\\n\\u0001😀\\ud800\"", CspellExport.Quote("a\"b\\c\n\u0001😀\ud800"));
    }

    [Fact]
    public void Cspell_with_a_dictionary_file()
    {
        var (config, dictionary) = CspellExport.CreateWithDictionary(TestSupport.Glossary);
        using var json = JsonDocument.Parse(config);
        var definition = json.RootElement.GetProperty("dictionaryDefinitions")[0];
        Assert.Equal(CspellExport.DictionaryName, definition.GetProperty("name").GetString());
        Assert.Equal("./" + CspellExport.DictionaryFileName, definition.GetProperty("path").GetString());
        Assert.Equal(CspellExport.DictionaryName, json.RootElement.GetProperty("dictionaries")[0].GetString());
        Assert.False(json.RootElement.TryGetProperty("words", out _));
        Assert.Contains("\nLoRA\n", "\n" + dictionary);
    }

    // ------------------------------------------------------------------ Vale

    [Fact]
    public void Vale_accept_list_escapes_and_marks_plain_words_case_insensitive()
    {
        var lines = ValeExport.Accept(Odd.Value).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("(?i)llama\\.cpp", lines);
        Assert.Contains("INT8", lines);
        Assert.Contains("(?i)Int8", lines); // one capital: a plain word, accepted in any case
        Assert.Contains("(?i)policy gradient", lines);
        foreach (var line in lines) _ = new Regex(line); // each compiles
    }

    [Fact]
    public void Vale_substitution_rules_are_yaml_with_escaped_literal_keys()
    {
        var files = ValeExport.Create(Odd.Value);
        Assert.Equal([ValeExport.AcceptPath, ValeExport.TermsPath, ValeExport.CjkTermsPath], files.Select(f => f.Path));
        var terms = Yaml(files[1].Content);
        Assert.Equal("substitution", Scalar(terms, "extends"));
        Assert.Equal("Use '%s' instead of '%s'.", Scalar(terms, "message"));
        Assert.Equal("warning", Scalar(terms, "level"));
        Assert.Equal("false", Scalar(terms, "ignorecase"));
        Assert.Equal("false", Scalar(terms, "vocab"));
        var swap = (YamlMappingNode)terms.Children[new YamlScalarNode("swap")];
        var pairs = swap.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!);
        Assert.Equal("llama.cpp", pairs["LlamaCpp"]);
        Assert.DoesNotContain("Llama\\.CPP", pairs.Keys); // identifier-like (a dot between words): check never flags it
        Assert.Equal("R&D", pairs["R\\+D"]);
        Assert.Equal("O'Reilly", pairs["OReilly"]);
        Assert.Equal("policy gradient", pairs["Policy-Gradient"]);
        foreach (var key in pairs.Keys)
        {
            Assert.Matches("^" + key + "$", Regex.Unescape(key)); // a literal: matches its own text
        }
        var cjk = Yaml(files[2].Content);
        Assert.Equal("true", Scalar(cjk, "nonword"));
        var cjkSwap = (YamlMappingNode)cjk.Children[new YamlScalarNode("swap")];
        Assert.Equal("策略梯度", ((YamlScalarNode)cjkSwap.Children[new YamlScalarNode("政策梯度")]).Value);
        Assert.DoesNotContain("政策", files[1].Content);
    }

    [Fact]
    public void Vale_ini_names_the_style_and_vocabulary()
    {
        Assert.Contains("StylesPath = styles", ValeExport.IniSnippet);
        Assert.Contains("Vocab = LspGlossary", ValeExport.IniSnippet);
        Assert.Contains("BasedOnStyles = LspGlossary", ValeExport.IniSnippet);
    }

    // ------------------------------------------------------------------ autocorrect

    [Fact]
    public void Autocorrect_words_are_bare_acronyms_and_wrong_equals_right()
    {
        var words = AutocorrectExport.Words(Odd.Value);
        Assert.Contains("政策梯度 = 策略梯度", words);
        Assert.Contains("Policy-Gradient = policy gradient", words);
        Assert.Contains("OReilly = O'Reilly", words);
        Assert.DoesNotContain("INT8", words); // Int8 is accepted too: autocorrect would turn it into INT8
        Assert.DoesNotContain("Int8", words);

        var test = AutocorrectExport.Words(TestSupport.Glossary);
        Assert.Contains("LoRA", test);
        Assert.Contains("LoRAs", test);
        Assert.DoesNotContain("Lora = LoRA", test); // the bare LoRA corrects every casing
        Assert.Contains("KV Cache = KV cache", test);

        var yaml = Yaml(AutocorrectExport.Create(Odd.Value));
        var rules = (YamlMappingNode)yaml.Children[new YamlScalarNode("rules")];
        Assert.Equal("1", ((YamlScalarNode)rules.Children[new YamlScalarNode("spellcheck")]).Value);
        var items = ((YamlSequenceNode)((YamlMappingNode)yaml.Children[new YamlScalarNode("spellcheck")]).Children[new YamlScalarNode("words")])
            .Select(n => ((YamlScalarNode)n).Value!).ToList();
        Assert.Equal(words, items);
    }

    // ------------------------------------------------------------------ the command

    private (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, _root, Path.GetDirectoryName(TestSupport.FixturePath("test-glossary.yaml"))!);
        int code = ExportCommand.Run(args, context);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Export_formats_on_standard_output()
    {
        var (code, output, _) = Run("cspell");
        Assert.Equal(0, code);
        Assert.Equal(CspellExport.Create(TestSupport.Glossary), output);
        (code, output, _) = Run("autocorrect");
        Assert.Equal(0, code);
        Assert.StartsWith("# Generated by `lsp-glossary export autocorrect`", output);
        (code, output, _) = Run("prh");
        Assert.Equal(0, code);
        Assert.StartsWith("# prh dictionary", output);
    }

    [Fact]
    public void Export_usage_errors()
    {
        Assert.Equal(2, Run().Code);
        Assert.Equal(2, Run("harper").Code);
        var (code, _, error) = Run("vale");
        Assert.Equal(2, code);
        Assert.Contains("--out DIR", error);
        Assert.Equal(2, Run("cspell", "--out").Code);
        Assert.Equal(2, Run("cspell", "--bogus").Code);
    }

    [Fact]
    public void Export_out_writes_files_and_overwrites_only_its_own()
    {
        var (code, _, error) = Run("vale", "--out", "lint");
        Assert.Equal(0, code);
        Assert.Contains("wrote", error);
        Assert.True(File.Exists(Path.Combine(_root, "lint", "styles", "LspGlossary", "Terms.yml")));
        Assert.True(File.Exists(Path.Combine(_root, "lint", "styles", "config", "vocabularies", "LspGlossary", "accept.txt")));
        Assert.Contains("Vocab = LspGlossary", File.ReadAllText(Path.Combine(_root, "lint", ".vale.ini")));
        Assert.Equal(0, Run("vale", "--out", "lint").Code); // again: its own files

        File.WriteAllText(Path.Combine(_root, "lint", ".vale.ini"), "StylesPath = mine\n");
        (code, _, error) = Run("vale", "--out", "lint");
        Assert.Equal(0, code);
        Assert.Contains("add these lines", error);
        Assert.Equal("StylesPath = mine\n", File.ReadAllText(Path.Combine(_root, "lint", ".vale.ini")));

        Assert.Equal(0, Run("cspell", "--out", "cs").Code);
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "cs", "cspell.json"))))
        {
            Assert.Equal("0.2", json.RootElement.GetProperty("version").GetString());
        }
        Assert.Contains("LoRA\n", File.ReadAllText(Path.Combine(_root, "cs", CspellExport.DictionaryFileName)));

        File.WriteAllText(Path.Combine(_root, ".autocorrectrc"), "rules:\n  spellcheck: 0\n");
        (code, _, error) = Run("autocorrect", "--out", ".");
        Assert.Equal(2, code);
        Assert.Contains("not overwritten", error);
        Assert.Equal("rules:\n  spellcheck: 0\n", File.ReadAllText(Path.Combine(_root, ".autocorrectrc")));

        Assert.Equal(0, Run("prh", "--out", "p").Code);
        Assert.Equal(0, Run("prh", "--out", "p").Code); // its mark is in the prh header
    }

    private static YamlMappingNode Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;
}
