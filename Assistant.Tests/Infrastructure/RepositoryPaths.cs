namespace Assistant.Tests.Infrastructure;

/// <summary>Where the repository is, found from the test binaries (the folder holding Assistant.sln).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Assistant.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Assistant.sln not found above the test binaries.");
    }
}
