using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace MotCua.Web.Common.Persistence;

/// <summary>
/// Instants are stored as UTC date-times: timestamptz on PostgreSQL, ISO text on SQLite (which sorts correctly),
/// so one model serves both providers.
/// </summary>
internal sealed class InstantConverter() : ValueConverter<Instant, DateTime>(
    instant => instant.ToDateTimeUtc(),
    value => Instant.FromDateTimeUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc)));
