using System.Text.Json.Nodes;
using LspGlossary.Core.Glossary;

namespace LspGlossary.Tests;

/// <summary>Workspace glossaries: overlays, reloads, last good version, positioned problems, go to definition.</summary>
public class WorkspaceGlossaryTests : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("lspg-ws-").FullName;

    public void Dispose() => Directory.Delete(_workspace, recursive: true);

    private const string TeamGlossary = """
        terms:
          - id: zorp
            term: ZORP
            expansion: Zero-Overhead Reward Propagation
            variants: [Zorp]
            category: training
            definition: { en: A made-up term for tests., zh: 测试用的虚构术语。 }
          - id: moe
            disabled: true
          - id: lora
            definition: { en: The team's own LoRA definition. }
        """;

    private static JsonObject WantsStatus => new() { ["statusNotification"] = true };

    private string Uri(string name) => new Uri(Path.Combine(_workspace, name)).AbsoluteUri;

    [Fact]
    public void Last_good_version_stays_in_use()
    {
        var loader = new GlossaryLoader();
        var good = loader.Load([new GlossarySource("/w/team.glossary.yaml", "terms:\n  - id: a\n    term: AA\n    definition: { en: A }\n", false)]);
        Assert.Equal("AA", Assert.Single(good.Glossary.Entries).Term);

        var broken = loader.Load([new GlossarySource("/w/team.glossary.yaml", "terms:\n  - id: a\n    term: AA\n    colour: red\n", false)]);
        Assert.Equal("AA", Assert.Single(broken.Glossary.Entries).Term);
        var error = Assert.Single(broken.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal((4, 5), (error.Location.Line, error.Location.Column));
        Assert.Contains(broken.Problems, p => p.Message.Contains("last good version"));
    }

    [Fact]
    public async Task Workspace_glossary_adds_overrides_and_disables_terms()
    {
        Directory.CreateDirectory(Path.Combine(_workspace, "docs"));
        File.WriteAllText(Path.Combine(_workspace, "docs", "team.glossary.yaml"), TeamGlossary);
        await using var client = await InProcessClient.StartAsync(workspaceFolder: _workspace);
        const string Text = "We use ZORP, Zorp, MoE and LoRA.";
        await client.OpenAsync(Uri("a.md"), Text);

        var zorp = await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri("a.md"), 0, 8));
        string text = zorp["result"]!["contents"]!["value"]!.ToString();
        Assert.Contains("Zero-Overhead Reward Propagation", text);
        Assert.Contains("workspace glossary", text);
        Assert.Contains("team.glossary.yaml", text);

        Assert.Null((await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri("a.md"), 0, 20)))["result"]); // MoE disabled
        var lora = await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri("a.md"), 0, 29));
        Assert.Contains("The team's own LoRA definition.", lora["result"]!["contents"]!["value"]!.ToString());
        Assert.Contains("Low-Rank Adaptation", lora["result"]!["contents"]!["value"]!.ToString()); // other fields kept

        var diagnostics = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == Uri("a.md"));
        Assert.Equal(Text.IndexOf("Zorp", StringComparison.Ordinal), (int)diagnostics["diagnostics"]!.AsArray().Single()!["range"]!["start"]!["character"]!);

        var definition = await client.RequestAsync("textDocument/definition", InProcessClient.Position(Uri("a.md"), 0, 8));
        Assert.Equal(new Uri(Path.Combine(_workspace, "docs", "team.glossary.yaml")).AbsoluteUri, (string?)definition["result"]!["uri"]);
        Assert.Equal(1, (int)definition["result"]!["range"]!["start"]!["line"]!);
    }

    [Fact]
    public async Task Edits_to_an_open_glossary_take_effect_and_a_broken_edit_keeps_the_last_good_one()
    {
        string glossaryPath = Path.Combine(_workspace, "team.glossary.yaml");
        File.WriteAllText(glossaryPath, TeamGlossary);
        await using var client = await InProcessClient.StartAsync(workspaceFolder: _workspace);
        await client.OpenAsync(Uri("a.md"), "ZORP and QUUX");
        await client.OpenAsync(Uri("team.glossary.yaml"), TeamGlossary, "yaml");

        // A new term typed into the open glossary file hovers at once, before any save.
        string added = TeamGlossary + "\n  - id: quux\n    term: QUUX\n    category: general\n    definition: { en: Another made-up term. }\n";
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri("team.glossary.yaml"), ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = added }),
        });
        var quux = await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri("a.md"), 0, 10));
        Assert.Contains("Another made-up term.", quux["result"]!["contents"]!["value"]!.ToString());

        // A broken edit: a positioned error on the glossary file, and the terms keep working.
        string broken = added.Replace("category: general", "categroy: general");
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri("team.glossary.yaml"), ["version"] = 3 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = broken }),
        });
        var problems = await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
            p => (string?)p["uri"] == Uri("team.glossary.yaml") && p["diagnostics"]!.AsArray().Any(d => (int?)d!["severity"] == 1));
        var error = problems["diagnostics"]!.AsArray().First(d => (int?)d!["severity"] == 1)!;
        Assert.Contains("Unknown field 'categroy'", (string?)error["message"]);
        Assert.Equal((13, 4), ((int)error["range"]!["start"]!["line"]!, (int)error["range"]!["start"]!["character"]!));
        var still = await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri("a.md"), 0, 10));
        Assert.Contains("Another made-up term.", still["result"]!["contents"]!["value"]!.ToString());
    }

    [Fact]
    public async Task Changes_on_disk_are_picked_up_when_the_client_reports_them()
    {
        await using var client = await InProcessClient.StartAsync(workspaceFolder: _workspace, initializationOptions: WantsStatus);
        await client.OpenAsync(Uri("a.md"), "ZORP");
        Assert.Null((await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri("a.md"), 0, 1)))["result"]);

        File.WriteAllText(Path.Combine(_workspace, "new.glossary.yaml"), TeamGlossary);
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = Uri("new.glossary.yaml"), ["type"] = 1 }),
        });
        var status = await client.WaitForNotificationAsync("lspGlossary/status", p => p["files"]!.AsArray().Any(f => ((string?)f)!.EndsWith("new.glossary.yaml")));
        Assert.True((int)status["terms"]! > 0);
        Assert.NotNull((await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri("a.md"), 0, 1)))["result"]);
    }

    [Fact]
    public async Task Glossary_files_from_settings_are_loaded()
    {
        string extra = Path.Combine(_workspace, "elsewhere.yaml");
        File.WriteAllText(extra, TeamGlossary);
        await using var client = await InProcessClient.StartAsync(workspaceFolder: _workspace, initializationOptions: WantsStatus);
        await client.OpenAsync(Uri("a.md"), "ZORP");
        await client.NotifyAsync("workspace/didChangeConfiguration", JsonNode.Parse("""{"settings":{"lspGlossary":{"glossaryFiles":["elsewhere.yaml"]}}}"""));
        await client.WaitForNotificationAsync("lspGlossary/status", p => p["files"]!.AsArray().Any(f => (string?)f == extra));
        Assert.NotNull((await client.RequestAsync("textDocument/hover", InProcessClient.Position(Uri("a.md"), 0, 1)))["result"]);
    }

    private static void MakeFifo(string path)
    {
        using var process = System.Diagnostics.Process.Start("mkfifo", [path]);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static async Task AssertStillServes(InProcessClient client, string uri)
    {
        var hover = await client.RequestAsync("textDocument/hover", InProcessClient.Position(uri, 0, 8));
        Assert.Contains("LoRA", hover["result"]!["contents"]!["value"]!.ToString());
    }

    [Fact]
    public async Task A_FIFO_named_like_a_workspace_glossary_is_not_read()
    {
        MakeFifo(Path.Combine(_workspace, "team.glossary.yaml"));
        await using var client = await InProcessClient.StartAsync(workspaceFolder: _workspace);
        await client.OpenAsync(Uri("a.md"), "We use LoRA.");
        await AssertStillServes(client, Uri("a.md"));
        var published = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == Uri("team.glossary.yaml"));
        Assert.Contains("FIFO", published["diagnostics"]![0]!["message"]!.ToString());
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    [InlineData("/dev/stdin")]
    [InlineData("link-to-zero")]
    public async Task Glossary_files_from_settings_that_are_not_regular_files_are_refused(string name)
    {
        string path = name.StartsWith('/') ? name : Path.Combine(_workspace, name);
        if (name == "fifo") MakeFifo(path);
        if (name == "link-to-zero") File.CreateSymbolicLink(path, "/dev/zero");
        await using var client = await InProcessClient.StartAsync(workspaceFolder: _workspace, initializationOptions: WantsStatus);
        await client.OpenAsync(Uri("a.md"), "We use LoRA.");
        var settings = new JsonObject { ["settings"] = new JsonObject { ["lspGlossary"] = new JsonObject { ["glossaryFiles"] = new JsonArray(path) } } };
        await client.NotifyAsync("workspace/didChangeConfiguration", settings);
        await client.WaitForNotificationAsync("lspGlossary/status", p => (int)p["errors"]! > 0);
        await AssertStillServes(client, Uri("a.md"));
        // Removing the setting is answered too: nothing holds the message loop.
        await client.NotifyAsync("workspace/didChangeConfiguration", JsonNode.Parse("""{"settings":{"lspGlossary":{"glossaryFiles":[]}}}"""));
        await client.WaitForNotificationAsync("lspGlossary/status", p => (int)p["errors"]! == 0);
        await AssertStillServes(client, Uri("a.md"));
        var shutdown = await client.RequestAsync("shutdown", null);
        Assert.True(shutdown.ContainsKey("result"));
    }

    [Fact]
    public async Task Problems_of_a_glossary_file_outside_the_workspace_quote_nothing_of_it()
    {
        string outside = Directory.CreateTempSubdirectory("lspg-outside-").FullName;
        try
        {
            string secrets = Path.Combine(outside, "credentials.yaml");
            File.WriteAllText(secrets, "AWS_SECRET_ACCESS_KEY: hunter2-very-secret\n");
            string inside = Path.Combine(_workspace, "inside.yaml");
            File.WriteAllText(inside, "API_TOKEN: hunter3-secret-value\n");
            // A link inside the workspace to a file outside it counts as outside.
            string link = Path.Combine(_workspace, "link.yaml");
            File.CreateSymbolicLink(link, secrets);
            await using var client = await InProcessClient.StartAsync(workspaceFolder: _workspace);
            await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject
            {
                ["settings"] = new JsonObject { ["lspGlossary"] = new JsonObject { ["glossaryFiles"] = new JsonArray(secrets, inside, link) } },
            });
            var linked = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == new Uri(link).AbsoluteUri);
            Assert.DoesNotContain("AWS_SECRET", linked.ToJsonString());
            Assert.NotEmpty(linked["diagnostics"]!.AsArray());
            var outsideProblems = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == new Uri(secrets).AbsoluteUri);
            string text = outsideProblems.ToJsonString();
            Assert.DoesNotContain("hunter2", text);
            Assert.DoesNotContain("AWS_SECRET", text);
            Assert.NotEmpty(outsideProblems["diagnostics"]!.AsArray());
            // Inside the workspace the offending token is named, and nothing more of the file.
            var insideProblems = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == new Uri(inside).AbsoluteUri);
            Assert.Contains("API_TOKEN", insideProblems.ToJsonString());
            Assert.DoesNotContain("hunter3", insideProblems.ToJsonString());
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }
}
