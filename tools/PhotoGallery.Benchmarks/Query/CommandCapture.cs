using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PhotoGallery.Benchmarks.Query;

/// <summary>Remembers the last query EF Core executed (used only on a separate context factory, never while timing).</summary>
public sealed class CommandCapture : DbCommandInterceptor
{
    public CapturedCommand? Last { get; private set; }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Remember(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Remember(command);
        return ValueTask.FromResult(result);
    }

    private void Remember(DbCommand command) =>
        Last = new CapturedCommand(
            command.CommandText,
            command.Parameters.Cast<DbParameter>()
                .Select(p => (p.ParameterName, (object?)p.Value, p is ICloneable cloneable ? (DbParameter)cloneable.Clone() : null))
                .ToList());
}
