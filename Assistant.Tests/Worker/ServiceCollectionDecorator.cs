using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Worker;

internal static class ServiceCollectionDecorator
{
    /// <summary>Wraps the registered <typeparamref name="T"/> singleton with <paramref name="decorate"/>.</summary>
    public static IServiceCollection Decorate<T>(this IServiceCollection services, Func<T, T> decorate) where T : class
    {
        var registration = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(registration);
        services.AddSingleton(sp => decorate((T)(registration.ImplementationInstance
            ?? registration.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, registration.ImplementationType!))));
        return services;
    }
}
