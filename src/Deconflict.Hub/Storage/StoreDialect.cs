namespace Deconflict.Hub.Storage;

/// <summary>The SQL dialect behind a store; migrations live in one folder per dialect.</summary>
public enum StoreDialect
{
    Sqlite,
    Postgres,
}
