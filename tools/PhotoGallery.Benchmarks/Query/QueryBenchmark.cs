using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PhotoGallery.Benchmarks.Common;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Photos;

namespace PhotoGallery.Benchmarks.Query;

/// <summary>
/// Library paging at 100,000 photos on SQLite and PostgreSQL: <see cref="PhotoLibrary.GetPageAsync"/> (EF Core,
/// keyset over the partial index) for the first page and a page about 90,000 rows in, beside the same SQL as a plain
/// ADO.NET command (the floor) and OFFSET 90,000; with the query plans.
/// </summary>
public sealed class QueryBenchmark : IBenchmarkSection
{
    private const int Rows = 100_000;
    private const int Depth = 90_000;
    private const int Runs = 200;
    private const int WarmUps = 20;
    private const int OffsetRuns = 30;

    public string Name => "query";

    public string Description => $"library page query at {Rows:N0} photos (PhotoLibrary.GetPageAsync vs raw SQL vs OFFSET) on SQLite and PostgreSQL";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        context.Line($"Method: {Rows:N0} photo rows bulk-inserted through EF Core (batches of 5,000; added over a year, 85 % of uploads with a taken-at " +
                     "up to 3 years earlier, 1 in 33 in Trash, 1 in 5 generated). Sort: taken date, newest first (the UI's default). " +
                     $"Deep page = the keyset page after the live row at position {Depth:N0}. Each timing: {WarmUps} warm-up calls, then {Runs} timed calls " +
                     $"(OFFSET: {OffsetRuns}), median and p95; the round with the lowest median of {context.Repeats} is reported. " +
                     "EF Core = PhotoLibrary.GetPageAsync over a pooled context factory (a context per call, as in the app). " +
                     "Raw = the SQL EF Core sent, as a plain ADO.NET command on one open connection, all columns read.");
        context.Line();
        var results = new List<string>();
        var plans = new List<string>();

        var sqliteFile = Path.Combine(context.WorkFolder, "query", "gallery.db");
        Directory.CreateDirectory(Path.GetDirectoryName(sqliteFile)!);
        foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" }.Where(File.Exists))
            File.Delete(file);
        var sqlite = await QueryDatabase.CreateSqliteAsync(sqliteFile, cancellationToken);
        await MeasureAsync(context, sqlite, $"SQLite {await sqlite.ServerVersionAsync(cancellationToken)}", results, plans, cancellationToken);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var (cluster, reason) = await PostgresCluster.TryStartAsync(cancellationToken);
        if (cluster is null)
        {
            context.Line($"PostgreSQL skipped: the throwaway cluster did not start ({reason}).");
        }
        else
        {
            await using (cluster)
            {
                var postgres = await QueryDatabase.CreatePostgresAsync(cluster.Database("gallery_bench"), cancellationToken);
                await MeasureAsync(context, postgres, $"PostgreSQL {await postgres.ServerVersionAsync(cancellationToken)}", results, plans, cancellationToken);
            }
        }

        context.Line();
        context.Line("| database | query | page | median ms | p95 ms |");
        context.Line("| --- | --- | --- | --- | --- |");
        results.ForEach(r => context.Line(r));
        context.Line();
        plans.ForEach(p => context.Line(p));
    }

    public Task<string> RunChildAsync(string argument, BenchmarkContext context, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The query section runs in the main process.");

    private static async Task MeasureAsync(BenchmarkContext context, QueryDatabase database, string label, List<string> results, List<string> plans, CancellationToken cancellationToken)
    {
        var (rows, live, seconds) = await PhotoSeeder.SeedAsync(database.Contexts, Rows, cancellationToken);
        if (database.Target.Provider == DatabaseProvider.Postgres)
        {
            // What autovacuum does shortly after a bulk load; without statistics the planner guesses.
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var analyze = connection.CreateCommand();
            analyze.CommandText = "ANALYZE \"Photos\"";
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        context.Line(string.Create(CultureInfo.InvariantCulture,
            $"{label}: seeded {rows:N0} rows ({live:N0} live) in {seconds:0.0} s{(database.Target.Provider == DatabaseProvider.Postgres ? ", then ANALYZE" : "; no ANALYZE (the app never runs it)")}."));

        var query = new LibraryQuery();
        LibraryCursor deep;
        await using (var db = await database.Contexts.CreateDbContextAsync(cancellationToken))
        {
            var row = await db.Photos.Where(p => p.DeletedAt == null).OrderByDescending(p => p.SortKey).ThenByDescending(p => p.Id)
                .Skip(Depth - 1).Select(p => new { p.SortKey, p.Id }).FirstAsync(cancellationToken);
            deep = new LibraryCursor(row.SortKey, row.Id);
        }

        var library = new PhotoLibrary(database.Contexts);
        var capturing = new PhotoLibrary(database.CapturingContexts);
        var offsetSql = "SELECT \"Id\", \"SortKey\", \"CreatedAt\", \"Width\", \"Height\", \"OriginalFileName\", \"IsGenerated\" FROM \"Photos\" " +
                        $"WHERE \"DeletedAt\" IS NULL ORDER BY \"SortKey\" DESC, \"Id\" DESC LIMIT 121 OFFSET {Depth}";
        foreach (var pageSize in new[] { 120, 60 })
        {
            foreach (var (name, cursor) in new[] { ("first page", (LibraryCursor?)null), ($"deep page (~{Depth:N0} in)", deep) })
            {
                var page = await capturing.GetPageAsync(query, cursor, pageSize, cancellationToken);
                var sql = database.Capture.Last!;
                if (page.Items.Count != pageSize)
                    throw new InvalidOperationException($"{name} returned {page.Items.Count} tiles, expected {pageSize}.");
                if (cursor is not null && (page.Items[0].SortKey > cursor.Key))
                    throw new InvalidOperationException("The deep page does not start after its cursor.");

                var ef = await BestOfAsync(context.Repeats, Runs, async ct => (await library.GetPageAsync(query, cursor, pageSize, ct)).Items.Count, cancellationToken);
                results.Add(Row(label, $"EF Core, {name}", pageSize, ef));
                if (pageSize == 120)
                {
                    var raw = await RawAsync(database, sql, context.Repeats, Runs, cancellationToken);
                    results.Add(Row(label, $"raw SQL, {name}", pageSize, raw));
                    plans.Add($"**{label}, {name}** (page {pageSize}), the SQL EF Core sends and its plan:");
                    plans.Add("");
                    plans.Add("```sql");
                    plans.Add(sql.Text.Trim());
                    plans.Add("```");
                    plans.Add("```");
                    plans.AddRange(await database.ExplainAsync(sql, cancellationToken));
                    plans.Add("```");
                    plans.Add("");
                }
            }
        }

        var offset = new CapturedCommand(offsetSql, []);
        results.Add(Row(label, $"raw SQL, OFFSET {Depth:N0}", 120, await RawAsync(database, offset, context.Repeats, OffsetRuns, cancellationToken)));
        plans.Add($"**{label}, OFFSET {Depth:N0}** for comparison:");
        plans.Add("");
        plans.Add("```");
        plans.AddRange(await database.ExplainAsync(offset, cancellationToken));
        plans.Add("```");
        plans.Add("");
    }

    private static async Task<Percentiles> RawAsync(QueryDatabase database, CapturedCommand sql, int repeats, int runs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = sql.CreateOn(connection);
        return await BestOfAsync(repeats, runs, async ct =>
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await ReadAllAsync(reader, ct);
        }, cancellationToken);
    }

    private static async Task<int> ReadAllAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var rows = 0;
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync(cancellationToken))
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }

    private static async Task<Percentiles> BestOfAsync(int repeats, int runs, Func<CancellationToken, Task<int>> call, CancellationToken cancellationToken)
    {
        Percentiles? best = null;
        for (var round = 0; round < repeats; round++)
        {
            for (var i = 0; i < WarmUps; i++)
                await call(cancellationToken);
            var timings = new double[runs];
            for (var i = 0; i < runs; i++)
            {
                var started = Stopwatch.GetTimestamp();
                if (await call(cancellationToken) == 0)
                    throw new InvalidOperationException("A page query returned no rows.");
                timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            var result = Percentiles.Of(timings);
            if (best is null || result.Median < best.Median)
                best = result;
        }

        return best!;
    }

    private static string Row(string database, string query, int pageSize, Percentiles timing) =>
        string.Create(CultureInfo.InvariantCulture, $"| {database} | {query} | {pageSize} | {timing.Median:0.00} | {timing.P95:0.00} |");
}
