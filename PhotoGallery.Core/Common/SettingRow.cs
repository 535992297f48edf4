namespace PhotoGallery.Core.Common;

public sealed record SettingRow(string Key, string Value, string EnvironmentVariable);
