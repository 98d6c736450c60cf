using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Latchkey.Data;

/// <summary>
/// All times are UTC. SQLite returns DateTime with Kind=Unspecified, which would serialize without
/// "Z" and compare wrongly with UTC values, so reads are stamped UTC on both providers.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
