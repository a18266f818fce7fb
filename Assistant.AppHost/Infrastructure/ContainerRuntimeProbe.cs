using System.Diagnostics;

namespace Assistant.AppHost.Infrastructure;

/// <summary>
/// Asks the container runtime's CLI whether its engine answers. This must be decided before
/// <c>Build()</c>: a project that waits for a container never starts when no runtime is healthy,
/// and Aspire's own runtime check only exists after the model is built.
/// </summary>
public static class ContainerRuntimeProbe
{
    public static bool IsHealthy(string runtime, TimeSpan timeout)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime)
            {
                ArgumentList = { "info", "--format", "{{.ServerVersion}}" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0 && !string.IsNullOrWhiteSpace(output.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // The CLI is not installed at all.
            return false;
        }
    }
}
