namespace Latchkey.Bench.Seed;

internal interface ISeeder
{
    /// <summary>Writes users bench0..bench{count-1}, one bearer session and one live refresh token each.</summary>
    Task SeedAsync(long count, string passwordHash, string salt, DateTime now);
}
