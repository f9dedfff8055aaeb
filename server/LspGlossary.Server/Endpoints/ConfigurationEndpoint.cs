using System.Text.Json;
using LspGlossary.Server.Protocol;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>workspace/didChangeConfiguration: settings pushed by the client, or a cue to pull them.</summary>
public sealed class ConfigurationEndpoint(Session session)
{
    [JsonRpcMethod(Methods.DidChangeConfiguration, UseSingleObjectParameterDeserialization = true)]
    public void DidChangeConfiguration(JsonElement parameters) => Endpoint.Handle(session.Client, Methods.DidChangeConfiguration, () =>
    {
        var p = Json.Read(parameters, LspJsonContext.Default.DidChangeConfigurationParams, Methods.DidChangeConfiguration);
        if (p.Settings is { ValueKind: JsonValueKind.Object } pushed && pushed.TryGetProperty(SettingsReader.Section, out _))
        {
            session.ApplySettings(SettingsReader.Read(pushed, Core.Features.Settings.Default));
        }
        else
        {
            _ = session.RefreshSettingsAsync();
        }
    });
}
