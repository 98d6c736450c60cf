using Latchkey.Bench.Raw;

// Latchkey.Bench.Raw argon2 [--seconds S] [--threads T]   Argon2id hashes/s at Latchkey's default parameters
// Latchkey.Bench.Raw policy [--seconds S] [--threads T]   the sign-up password policy on the sign-up scenario's password
// Latchkey.Bench.Raw policy-max [...]                      the same on a 256-character password (the estimator's worst case)
// Latchkey.Bench.Raw es256  [--seconds S] [--threads T]   ES256 signatures/s over a JWT-sized input
// Latchkey.Bench.Raw serve --urls http://127.0.0.1:PORT   GET /token answers a freshly signed ES256 JWT
return args.FirstOrDefault() switch
{
    "argon2" => MicroBenchmarks.Run("argon2", args, MicroBenchmarks.Argon2id()),
    "policy" => MicroBenchmarks.Run("policy", args, MicroBenchmarks.Policy("tundra-Velvet-9-quasar")),
    "policy-max" => MicroBenchmarks.Run("policy-max", args, MicroBenchmarks.Policy(MicroBenchmarks.LongestPassword())),
    "es256" => MicroBenchmarks.Run("es256", args, MicroBenchmarks.Es256()),
    "serve" => await JwtEndpoint.ServeAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Latchkey.Bench.Raw argon2|policy|policy-max|es256 [--seconds S] [--threads T] | serve --urls URL");
    return 2;
}
