using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Latchkey.Core.Credentials;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Latchkey.Bench.Raw;

/// <summary>Runs one operation on T threads for S seconds and prints "name ops/s" (after a short warm-up).</summary>
internal static class MicroBenchmarks
{
    public static Action Argon2id()
    {
        // Latchkey's own hasher at its defaults (t=2, m=19 MiB, p=1), so the figure is the ceiling for sign-in.
        var hasher = new Argon2idPasswordHasher(Options.Create(new PasswordHashingOptions()));
        return () => hasher.HashAsync("correct horse battery staple").GetAwaiter().GetResult();
    }

    /// <summary>
    /// The sign-up password policy on its own (length, common-password list, zxcvbn with the user's details;
    /// breach check off, as shipped), so its cost can be read against one Argon2id hash.
    /// <paramref name="password"/> is the sign-up scenario's password, or a policy-maximum one for the worst case.
    /// </summary>
    public static Action Policy(string password)
    {
        var policy = new PasswordPolicy(
            Options.Create(new PasswordPolicyOptions()), new NoBreaches(), NullLogger<PasswordPolicy>.Instance);
        string[] inputs = ["signup-1234-abcdef-1@bench.test", "Bench", "User"];
        return () =>
        {
            if (!policy.CheckAsync(password, inputs, CancellationToken.None).GetAwaiter().GetResult().IsSuccess)
            {
                throw new InvalidOperationException("The policy refused the benchmark password: it would measure a refusal.");
            }
        };
    }

    /// <summary>A policy-maximum password (256 characters) that the policy accepts: the estimator's worst input.</summary>
    public static string LongestPassword() =>
        string.Concat(Enumerable.Range(0, 32).Select(i => $"{(char)('a' + (i * 7 % 26))}{(char)('K' + (i % 13))}{i % 10}l1|7@$-"))[..256];

    private sealed class NoBreaches : IBreachedPasswordChecker
    {
        public Task<bool?> IsBreachedAsync(string password, CancellationToken cancellationToken) => Task.FromResult<bool?>(false);
    }

    public static Action Es256()
    {
        var input = Encoding.UTF8.GetBytes(new string('x', 300));
        var key = new ThreadLocal<ECDsa>(() => ECDsa.Create(ECCurve.NamedCurves.nistP256));
        return () => key.Value!.SignData(input, HashAlgorithmName.SHA256);
    }

    public static int Run(string name, string[] args, Action operation)
    {
        var seconds = Option(args, "--seconds", 5);
        var threads = Option(args, "--threads", Environment.ProcessorCount);
        operation();
        long total = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            long count = 0;
            while (stopwatch.Elapsed.TotalSeconds < seconds) { operation(); count++; }
            Interlocked.Add(ref total, count);
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        // CPU per operation, like bench/run.sh's per-request figure: it holds when other load steals cores.
        Console.WriteLine($"{name} {total / stopwatch.Elapsed.TotalSeconds:F1} threads={threads} cpu_ms={cpu.TotalMilliseconds / total:F3}");
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : fallback;
    }
}
