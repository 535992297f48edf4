namespace FakeInvokeAi;

/// <summary>An invocation type: its inputs and its outputs' field types.</summary>
public sealed record NodeSpec(IReadOnlyDictionary<string, FieldSpec> Inputs, IReadOnlyDictionary<string, string> Outputs, bool AllowsExtraFields = false);
