namespace FakeInvokeAi;

/// <summary>One input of an invocation type: its type, whether it is required, and the value rules InvokeAI enforces.</summary>
public sealed record FieldSpec(
    string Type,
    bool Required = false,
    bool DirectOnly = false,
    bool AcceptsCollection = false,
    IReadOnlyList<string>? Allowed = null,
    double? Min = null,
    double? Max = null,
    bool MaxExclusive = false,
    int? MultipleOf = null);
