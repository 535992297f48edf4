namespace PhotoGallery.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
