using System.Text.Json.Nodes;

namespace LspGlossary.Tests;

/// <summary>The project config in the server: per document, nearest wins, under the editor's settings, live edits, problems, per-folder settings.</summary>
public class ProjectConfigProtocolTests
{
    private static Task<JsonObject> DiagnosticsOf(InProcessClient client, string uri, int version, Func<JsonArray, bool>? until = null) =>
        client.WaitForNotificationAsync("textDocument/publishDiagnostics",
            p => (string?)p["uri"] == uri && (int?)p["version"] == version && (until?.Invoke(p["diagnostics"]!.AsArray()) ?? true));

    private static string Severities(JsonObject published) =>
        string.Join(",", published["diagnostics"]!.AsArray().Select(d => $"{d!["message"]!.ToString().Split('\'')[1]}={d["severity"]}"));

    [Fact]
    public async Task The_nearest_config_sets_severities_per_term_and_editor_settings_win_over_it()
    {
        var fixture = WorkspaceFixture.Parse("""
            --- .lsp-glossary.yaml
            terms: { lora: error }
            diagnostics: { severity: information }
            --- docs/.lsp-glossary.yaml
            terms: { moe: off }
            --- a.md
            Lora and MOE.
            --- docs/b.md
            Lora and MOE.
            """);
        await using var client = await InProcessClient.StartAsync(workspace: fixture.Workspace, workspaceFolders: [fixture.Workspace.Root]);
        await client.OpenAsync(fixture.Uri("a.md"), "Lora and MOE.\n");
        await client.OpenAsync(fixture.Uri("docs/b.md"), "Lora and MOE.\n");
        Assert.Equal("Lora=1,MOE=3", Severities(await DiagnosticsOf(client, fixture.Uri("a.md"), 1)));
        Assert.Equal("Lora=2", Severities(await DiagnosticsOf(client, fixture.Uri("docs/b.md"), 1))); // the nearer config alone: no severity set there

        // An editor setting the user set wins over the config's; the config's per-term level still applies.
        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject
        {
            ["settings"] = new JsonObject { ["lspGlossary"] = new JsonObject { ["diagnostics"] = new JsonObject { ["severity"] = "hint" } } },
        });
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
            p => (string?)p["uri"] == fixture.Uri("a.md") && p["diagnostics"]!.AsArray().Any(d => (int?)d!["severity"] == 4));
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = fixture.Uri("a.md"), ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "Lora and MOE!\n" }),
        });
        Assert.Equal("Lora=1,MOE=4", Severities(await DiagnosticsOf(client, fixture.Uri("a.md"), 2)));
    }

    [Fact]
    public async Task An_open_config_applies_as_typed_and_a_broken_one_shows_its_problem_and_keeps_the_last_good()
    {
        var fixture = WorkspaceFixture.Parse("--- .lsp-glossary.yaml\nterms: { lora: error }\n--- a.md\nLora\n");
        await using var client = await InProcessClient.StartAsync(workspace: fixture.Workspace, workspaceFolders: [fixture.Workspace.Root]);
        string config = fixture.Uri(".lsp-glossary.yaml"), a = fixture.Uri("a.md");
        await client.OpenAsync(a, "Lora\n");
        Assert.Equal("Lora=1", Severities(await DiagnosticsOf(client, a, 1)));
        await client.OpenAsync(config, "terms: { lora: off }\n", "yaml");
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == a && p["diagnostics"]!.AsArray().Count == 0);
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = config, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "terms: { lora: loud }\n" }),
        });
        var problem = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == config && p["diagnostics"]!.AsArray().Count == 1);
        Assert.Equal("glossary.invalid-config", (string?)problem["diagnostics"]![0]!["code"]);
        Assert.Contains("'terms.lora' must be off", (string?)problem["diagnostics"]![0]!["message"]);
        // The last good config (lora: off) stays in use.
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = a, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "Lora!\n" }),
        });
        Assert.Empty((await DiagnosticsOf(client, a, 2))["diagnostics"]!.AsArray());
    }

    [Fact]
    public async Task Excluded_files_are_not_diagnosed_but_still_hover_and_config_glossary_files_load()
    {
        var fixture = WorkspaceFixture.Parse("""
            --- .lsp-glossary.yaml
            exclude: [vendor/**]
            glossaryFiles: [terms/extra.yaml]
            --- terms/extra.yaml
            terms:
              - id: zorp
                term: ZORP
                variants: [Zorp]
                category: general
                definition: { en: A made-up term. }
            --- vendor/x.md
            Lora
            --- a.md
            Zorp
            """);
        await using var client = await InProcessClient.StartAsync(workspace: fixture.Workspace, workspaceFolders: [fixture.Workspace.Root]);
        await client.OpenAsync(fixture.Uri("vendor/x.md"), "Lora\n");
        await client.OpenAsync(fixture.Uri("a.md"), "Zorp\n");
        Assert.Equal("Zorp=2", Severities(await DiagnosticsOf(client, fixture.Uri("a.md"), 1, d => d.Count > 0)));
        Assert.Empty((await DiagnosticsOf(client, fixture.Uri("vendor/x.md"), 1))["diagnostics"]!.AsArray());
        Assert.NotNull((await client.RequestAsync("textDocument/hover", InProcessClient.Position(fixture.Uri("vendor/x.md"), 0, 1)))["result"]);
    }

    [Fact]
    public async Task A_config_cannot_make_the_server_read_a_glossary_outside_the_folder()
    {
        var fixture = WorkspaceFixture.Parse("--- a.md\nZorp\n");
        string outside = Path.Combine(Path.GetDirectoryName(fixture.Workspace.Root)!, "elsewhere", "x.yaml");
        fixture.Workspace.Files[outside] = "terms:\n  - id: zorp\n    term: ZORP\n    variants: [Zorp]\n    category: general\n    definition: { en: secret }\n";
        fixture.Workspace.Files[fixture.Workspace.PathOf(".lsp-glossary.yaml")] = $"glossaryFiles: [\"{outside.Replace("\\", "/")}\"]\n";
        await using var client = await InProcessClient.StartAsync(workspace: fixture.Workspace, workspaceFolders: [fixture.Workspace.Root]);
        await client.OpenAsync(fixture.Uri("a.md"), "Zorp\n");
        Assert.Empty((await DiagnosticsOf(client, fixture.Uri("a.md"), 1))["diagnostics"]!.AsArray());
        Assert.Null((await client.RequestAsync("textDocument/hover", InProcessClient.Position(fixture.Uri("a.md"), 0, 1)))["result"]);
    }

    [Fact]
    public async Task Settings_are_pulled_per_workspace_folder()
    {
        var fixture = WorkspaceFixture.Parse("--- one/a.md\nLora\n--- two/b.md\nLora\n");
        string one = fixture.Workspace.PathOf("one"), two = fixture.Workspace.PathOf("two");
        var asked = new List<JsonNode?>();
        await using var client = await InProcessClient.StartAsync(workspace: fixture.Workspace, workspaceFolders: [one, two],
            capabilities: new JsonObject { ["workspace"] = new JsonObject { ["configuration"] = true } },
            requestHandler: request =>
            {
                if ((string?)request["method"] != "workspace/configuration") return null;
                var items = request["params"]!["items"]!.AsArray();
                lock (asked) asked.Add(items.DeepClone());
                return new JsonArray(items.Select(item => (JsonNode?)(((string?)item!["scopeUri"])?.EndsWith("/one") == true
                    ? new JsonObject { ["diagnostics"] = new JsonObject { ["severity"] = "error" } }
                    : new JsonObject())).ToArray());
            });
        await client.OpenAsync(fixture.Uri("one/a.md"), "Lora\n");
        await client.OpenAsync(fixture.Uri("two/b.md"), "Lora\n");
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == fixture.Uri("one/a.md") && p["diagnostics"]!.AsArray().Any(d => (int?)d!["severity"] == 1));
        Assert.Equal("Lora=2", Severities(await DiagnosticsOf(client, fixture.Uri("two/b.md"), 1, d => d.Count > 0)));
        lock (asked) Assert.Equal(3, asked[0]!.AsArray().Count); // unscoped, then one per folder
    }

    [Fact]
    public async Task In_one_folder_pushed_settings_are_not_shadowed_by_the_pulled_answer()
    {
        var fixture = WorkspaceFixture.Parse("--- a.md\nLora\n");
        int pulls = 0;
        await using var client = await InProcessClient.StartAsync(workspace: fixture.Workspace, workspaceFolders: [fixture.Workspace.Root],
            capabilities: new JsonObject { ["workspace"] = new JsonObject { ["configuration"] = true } },
            requestHandler: request =>
            {
                if ((string?)request["method"] != "workspace/configuration") return null;
                Interlocked.Increment(ref pulls);
                Assert.Single(request["params"]!["items"]!.AsArray()); // one folder: no scoped item
                return new JsonArray(new JsonObject());
            });
        await client.OpenAsync(fixture.Uri("a.md"), "Lora\n");
        Assert.Equal("Lora=2", Severities(await DiagnosticsOf(client, fixture.Uri("a.md"), 1, d => d.Count > 0)));
        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject
        {
            ["settings"] = new JsonObject { ["lspGlossary"] = new JsonObject { ["diagnostics"] = new JsonObject { ["severity"] = "error" } } },
        });
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
            p => (string?)p["uri"] == fixture.Uri("a.md") && p["diagnostics"]!.AsArray().Any(d => (int?)d!["severity"] == 1));
        Assert.True(pulls >= 1);
    }
}
