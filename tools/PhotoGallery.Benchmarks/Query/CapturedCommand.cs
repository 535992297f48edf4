using System.Data.Common;

namespace PhotoGallery.Benchmarks.Query;

/// <summary>The SQL text and parameters EF Core sent, to re-run as a plain ADO.NET command and to EXPLAIN.</summary>
public sealed record CapturedCommand(string Text, IReadOnlyList<(string Name, object? Value, DbParameter? Clone)> Parameters)
{
    public DbCommand CreateOn(DbConnection connection, string prefix = "")
    {
        var command = connection.CreateCommand();
        command.CommandText = prefix + Text;
        foreach (var (name, value, clone) in Parameters)
        {
            if (clone is not null)
            {
                command.Parameters.Add(((ICloneable)clone).Clone());
                continue;
            }

            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
