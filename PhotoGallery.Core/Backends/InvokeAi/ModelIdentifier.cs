using System.Text.Json.Nodes;

namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>InvokeAI's <c>ModelIdentifierField</c> (reference §2.4): all five members are required in graphs.</summary>
public sealed record ModelIdentifier(string Key, string Hash, string Name, string Base, string Type)
{
    public JsonObject ToJson() => new()
    {
        ["key"] = Key,
        ["hash"] = Hash,
        ["name"] = Name,
        ["base"] = Base,
        ["type"] = Type,
    };
}
