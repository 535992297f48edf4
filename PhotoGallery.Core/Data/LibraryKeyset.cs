using Microsoft.EntityFrameworkCore;
using PhotoGallery.Core.Photos;

namespace PhotoGallery.Core.Data;

/// <summary>
/// The library's seek query. A row-value comparison <c>(key, id) &lt; (@key, @id)</c> lets both SQLite and PostgreSQL
/// walk the partial index over live photos from the cursor on, so a page deep in the list costs what the first
/// page costs (an <c>OR</c> form makes PostgreSQL walk the whole index; OFFSET grows with depth).
/// </summary>
internal static class LibraryKeyset
{
    public static IQueryable<Photo> LivePhotosAfter(GalleryDbContext db, LibraryQuery query, LibraryCursor? after)
    {
        // Column names come from this whitelist only, never from input.
        var column = query.Sort == LibrarySort.Added ? "\"CreatedAt\"" : "\"SortKey\"";
        var sql = "SELECT * FROM \"Photos\" WHERE \"DeletedAt\" IS NULL";
        var parameters = new List<object>();
        if (query.Filter != LibraryFilter.All)
        {
            sql += $" AND \"IsGenerated\" = {{{parameters.Count}}}";
            parameters.Add(query.Filter == LibraryFilter.Generated);
        }
        if (after is not null)
        {
            var op = query.Ascending ? ">" : "<";
            sql += $" AND ({column}, \"Id\") {op} ({{{parameters.Count}}}, {{{parameters.Count + 1}}})";
            parameters.Add(DateTime.SpecifyKind(after.Key, DateTimeKind.Utc));
            // EF stores Guids as upper-case TEXT on SQLite; PostgreSQL compares uuids.
            parameters.Add(db is SqliteGalleryDbContext ? after.Id.ToString().ToUpperInvariant() : after.Id);
        }

        var photos = db.Photos.FromSqlRaw(sql, [.. parameters]).AsNoTracking();
        return (query.Sort, query.Ascending) switch
        {
            (LibrarySort.Added, false) => photos.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
            (LibrarySort.Added, true) => photos.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
            (_, false) => photos.OrderByDescending(p => p.SortKey).ThenByDescending(p => p.Id),
            (_, true) => photos.OrderBy(p => p.SortKey).ThenBy(p => p.Id),
        };
    }
}
