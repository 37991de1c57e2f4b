namespace MotCua.Web.Common.Web;

/// <summary>
/// Endpoint metadata for the few API requests that carry more than <see cref="InputGuard.MaxApiJsonBytes"/> (a whole
/// procedure catalog, say); <see cref="InputGuard"/> applies it in place of the default.
/// </summary>
public sealed record BodyLimit(long Bytes);

public static class BodyLimitExtensions
{
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(bytes));
}
