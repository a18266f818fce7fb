using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.AppHost;

/// <summary>Configuration the tests give the AppHost: known secrets, a private data folder, the repo's packs.</summary>
internal static class AppHostArguments
{
    public const string AppSecret = "test-app-secret-0123456789abcdef";
    public const string VerifyToken = "test-verify-token";
    public const string OwnerPassword = "Test-owner-password-1";

    public static string RepositoryRoot => RepositoryPaths.Root;

    public static string[] For(string mode, string dataPath, params string[] extra) =>
    [
        $"Infrastructure:Mode={mode}",
        $"Infrastructure:DataPath={dataPath}",
        $"Parameters:whatsapp-app-secret={AppSecret}",
        $"Parameters:whatsapp-verify-token={VerifyToken}",
        $"Parameters:admin-owner-password={OwnerPassword}",
        $"Assistant:PacksPath={Path.Combine(RepositoryRoot, "packs")}",
        .. extra,
    ];
}
