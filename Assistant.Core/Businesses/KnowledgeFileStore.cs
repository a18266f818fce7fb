using StackExchange.Redis;

namespace Assistant.Core.Businesses;

/// <summary>
/// The knowledge files of each business as text, in Redis, so the admin (which edits them) and
/// the worker (which ingests them) read the same copy: the hash <c>biz:{id}:knowledge</c>
/// (file name → content); <c>biz:{id}:knowledge:version</c> grows with every change.
/// </summary>
public sealed class KnowledgeFileStore(IConnectionMultiplexer redis)
{
    public static string FilesKey(string businessId) => $"biz:{businessId}:knowledge";

    public static string VersionKey(string businessId) => $"biz:{businessId}:knowledge:version";

    private IDatabase Db => redis.GetDatabase();

    public async Task<IReadOnlyList<KnowledgeFile>> GetAllAsync(string businessId)
    {
        var entries = await Db.HashGetAllAsync(FilesKey(businessId));
        return entries
            .Select(e => new KnowledgeFile(e.Name.ToString(), e.Value.ToString()))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<KnowledgeFile?> GetAsync(string businessId, string name)
    {
        var value = await Db.HashGetAsync(FilesKey(businessId), name);
        return value.IsNull ? null : new KnowledgeFile(name, value.ToString());
    }

    /// <summary>Adds or replaces one file; true when it is new.</summary>
    public async Task<bool> PutAsync(string businessId, KnowledgeFile file)
    {
        var transaction = Db.CreateTransaction();
        var added = transaction.HashSetAsync(FilesKey(businessId), file.Name, file.Content);
        _ = transaction.StringIncrementAsync(VersionKey(businessId));
        await transaction.ExecuteAsync();
        return await added;
    }

    public async Task<bool> DeleteAsync(string businessId, string name)
    {
        var transaction = Db.CreateTransaction();
        var removed = transaction.HashDeleteAsync(FilesKey(businessId), name);
        _ = transaction.StringIncrementAsync(VersionKey(businessId));
        await transaction.ExecuteAsync();
        return await removed;
    }

    /// <summary>Replaces the whole set (pack import).</summary>
    public async Task ReplaceAllAsync(string businessId, IReadOnlyList<KnowledgeFile> files)
    {
        var transaction = Db.CreateTransaction();
        _ = transaction.KeyDeleteAsync(FilesKey(businessId));
        if (files.Count > 0)
        {
            _ = transaction.HashSetAsync(FilesKey(businessId), files.Select(f => new HashEntry(f.Name, f.Content)).ToArray());
        }
        _ = transaction.StringIncrementAsync(VersionKey(businessId));
        await transaction.ExecuteAsync();
    }

    public async Task<long> GetVersionAsync(string businessId)
    {
        var value = await Db.StringGetAsync(VersionKey(businessId));
        return value.IsNullOrEmpty ? 0 : (long)value;
    }
}
