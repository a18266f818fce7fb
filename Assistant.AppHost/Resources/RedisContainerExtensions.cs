using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

internal static class RedisContainerExtensions
{
    /// <summary>
    /// Turns on Redis's append-only file. Aspire's Redis container runs <c>/bin/sh -c "redis-server ..."</c>,
    /// so the flag is appended to that command line rather than added as a separate argument
    /// (which the shell would ignore).
    /// </summary>
    public static IResourceBuilder<RedisResource> WithAppendOnlyFile(this IResourceBuilder<RedisResource> builder) =>
        builder.WithArgs(context =>
        {
            var index = context.Args.IndexOf("-c");
            if (index >= 0 && index + 1 < context.Args.Count && context.Args[index + 1] is string command)
            {
                context.Args[index + 1] = command + " --appendonly yes --appendfsync everysec";
            }
            else
            {
                context.Args.Add("--appendonly");
                context.Args.Add("yes");
            }
        });
}
