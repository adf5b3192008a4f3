/**
 * Redaction by category of issue 11: national identifiers, IBANs, phone numbers per country,
 * cards, emails, and each kind of configuration or credential file. Each case names the value
 * that must be gone; the benign log lines must come out unchanged.
 */
import { describe, expect, it } from 'vitest';
import { redact } from '../../../src/guard/redaction/redactor.js';
import { removes } from './removes.js';
import { isAllocatableNino, isIssuableSsn, isValidIban, passesIbanChecksum } from '../../../src/guard/redaction/national-ids.js';

describe('US Social Security numbers', () => {
  it.each([
    ['SSN 123-45-6789 on file', '123-45-6789'],
    ['employee ssn: 078 05 1120', '078 05 1120'],
    ['Social Security Number: 219099999', '219099999'],
    ['{"ssn":"536-22-8726"}', '536-22-8726'],
  ])('redacts %j', (text, secret) => removes(text, secret));

  it.each(['000-12-3456', '666-12-3456', '912-34-5678', '123-00-4567', '123-45-0000'])('leaves %s, which the SSA never issues', (value) => {
    expect(redact(`ssn ${value}`).redactions.map((redaction) => redaction.type)).not.toContain('ssn');
  });

  it('checks the ranges', () => {
    expect(isIssuableSsn('123', '45', '6789')).toBe(true);
    expect(isIssuableSsn('899', '99', '9999')).toBe(true);
    expect(isIssuableSsn('900', '45', '6789')).toBe(false);
  });

  it('leaves nine bare digits with no SSN words around them', () => {
    expect(redact('order 123456789 shipped').text).toBe('order 123456789 shipped');
  });
});

describe('IBANs', () => {
  const ibans = [
    'DE89370400440532013000', 'GB82WEST12345698765432', 'FR1420041010050500013M02606', 'NL91ABNA0417164300', 'BE68539007547034',
    'NO9386011117947', 'ES9121000418450200051332', 'IT60X0542811101000000123456', 'CH9300762011623852957', 'PL61109010140000071219812874',
    'MT84MALT011000012345MTLCAST001S', 'SE4550000000058398257466', 'AT611904300234573201', 'IE29AIBK93115212345678',
  ];
  it.each(ibans)('redacts %s compact and in groups of four', (iban) => {
    removes(`pay to ${iban} today`, iban);
    const grouped = iban.replace(/(.{4})/g, '$1 ').trim();
    removes(`IBAN: ${grouped}.`, grouped, iban.slice(4, 12));
  });

  it('checks the length of each country and the mod-97 checksum', () => {
    expect(ibans.every(isValidIban)).toBe(true);
    expect(isValidIban('DE89370400440532013001')).toBe(false);
    expect(isValidIban('DE8937040044053201300')).toBe(false);
    expect(passesIbanChecksum('GB82WEST12345698765432')).toBe(true);
    expect(redact('ref DE00370400440532013000 is not an account').text).toContain('DE00370400440532013000');
  });
});

describe('UK National Insurance numbers', () => {
  it.each([['NINO QQ123456C'.replace('QQ', 'AB'), 'AB123456C'], ['NI number: JG 10 37 94 B', 'JG 10 37 94 B'], ['national insurance ce123456a', 'ce123456a']])('redacts %j', (text, secret) => removes(text, secret));
  it('excludes prefixes never allocated', () => {
    expect(isAllocatableNino('AB')).toBe(true);
    for (const prefix of ['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ', 'DA', 'AO', 'QA']) expect(isAllocatableNino(prefix)).toBe(false);
  });
});

describe('phone numbers', () => {
  it.each([
    ['E.164', 'call +14155552671', '+14155552671'],
    ['E.164 grouped', 'pager +1 415-555-2671', '+1 415-555-2671'],
    ['US', 'reach Dana at (415) 555-2671', '(415) 555-2671'],
    ['US dashes', 'on-call cell 415-555-2671', '415-555-2671'],
    ['US dots', 'oncall 415.555.2671', '415.555.2671'],
    ['UK London', 'office 020 7946 0958', '020 7946 0958'],
    ['UK mobile', 'mobile 07700 900123', '07700 900123'],
    ['UK international', 'ring +44 20 7946 0958', '+44 20 7946 0958'],
    ['UK with (0)', 'ring +44 (0)20 7946 0958', '+44 (0)20 7946 0958'],
    ['DE Berlin', 'Tel. 030 12345678', '030 12345678'],
    ['DE mobile', 'Handy 0171 1234567', '0171 1234567'],
    ['DE slash', 'Telefon 030/1234567', '030/1234567'],
    ['DE international', '+49 30 12345678', '+49 30 12345678'],
    ['DE 0049', 'call 0049 89 1234567', '0049 89 1234567'],
    ['FR spaces', 'DBA au 06 12 34 56 78', '06 12 34 56 78'],
    ['FR dots', 'tel 01.23.45.67.89', '01.23.45.67.89'],
    ['FR international', '+33 6 12 34 56 78', '+33 6 12 34 56 78'],
    ['IN mobile', 'call 98765 43210', '98765 43210'],
    ['IN international', '+91 98765 43210', '+91 98765 43210'],
    ['IN landline', 'office 022 2345 6789', '022 2345 6789'],
    ['IN trunk', 'phone 09876543210', '09876543210'],
  ])('%s', (_name, text, secret) => removes(text, secret));
});

describe('cards and emails', () => {
  it.each([
    ['card 4111111111111111', '4111111111111111'],
    ['visa 4111-1111-1111-1111 declined', '4111-1111-1111-1111'],
    ['amex 3782 822463 10005', '3782 822463 10005'],
    ['mc 5555 5555 5555 4444', '5555 5555 5555 4444'],
    ['contact ops.lead+pager@example.co.uk', 'ops.lead+pager@example.co.uk'],
  ])('%j', (text, secret) => removes(text, secret));
});

describe('configuration and credential files', () => {
  it.each([
    ['.env', 'DB_PASSWORD=Tr0ub4dor&3', 'Tr0ub4dor'],
    ['.env export', 'export STRIPE_WEBHOOK_TOKEN="whk-live-88aa21"', 'whk-live-88aa21'],
    ['ini', 'password = correcthorsebattery', 'correcthorsebattery'],
    ['yaml', '  secret: mXq9-not-a-name', 'mXq9-not-a-name'],
    ['yaml nested key', '    client_secret: "abc123def456"', 'abc123def456'],
    ['spring properties', 'spring.datasource.password=s3cr3t!', 's3cr3t!'],
    ['json', '{"apiKey": "k-29f8a7b6c5"}', 'k-29f8a7b6c5'],
    ['token in a URL', 'GET https://api.example.com/v1/export?format=csv&token=abc123xyz789', 'abc123xyz789'],
    ['.npmrc', '//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789', 'npm_abcdefghijklmnopqrstuvwxyz0123456789'],
    ['.npmrc private registry', '//npm.corp.example/:_authToken=4b2f9c1e-aa11-4f3e-9d21-0c9e8b7a6f51', '4b2f9c1e-aa11-4f3e-9d21-0c9e8b7a6f51'],
    ['.npmrc _auth', '_auth = dXNlcjpwYXNzd29yZA==', 'dXNlcjpwYXNzd29yZA=='],
    ['.netrc', 'machine api.heroku.com login ops@example.com password hk-99887766', 'hk-99887766'],
    ['.netrc own line', '  password f00b4rbaz', 'f00b4rbaz'],
    ['.pgpass', 'db.internal:5432:payments:app:Pg!pass2024', 'Pg!pass2024'],
    ['.pgpass wildcard', '*:*:*:postgres:hunter22', 'hunter22'],
    ['AWS credentials', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['AWS session token', 'aws_session_token = IQoJb3JpZ2luX2VjEHoaCXVzLWVhc3QtMSJHMEUCIQD', 'IQoJb3JpZ2luX2VjEHoaCXVz'],
    ['postgres URL', 'DATABASE_URL=postgres://app:pa55word@db:5432/app', 'pa55word'],
    ['mysql URL', 'mysql://root:rootpw1@127.0.0.1/shop', 'rootpw1'],
    ['mongodb+srv URL', 'mongodb+srv://svc:M0ng0Pass@cluster0.example.net/db', 'M0ng0Pass'],
    ['redis URL without user', 'redis://:r3dispass@cache:6379/0', 'r3dispass'],
    ['amqp URL', 'amqp://guest:rabbitpw9@mq:5672/', 'rabbitpw9'],
    ['jdbc', 'jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=Sql$erver1', 'Sql$erver1'],
    ['jdbc URL', 'jdbc:postgresql://db:5432/app?user=app&password=jdbcpw77', 'jdbcpw77'],
    ['wp-config', "define( 'DB_PASSWORD', 'wp-Pa55!word' );", 'wp-Pa55!word'],
    ['wp-config salt', "define('AUTH_SALT', 'x{8L|Hq]m(Pz;7v');", 'x{8L|Hq]m(Pz;7v'],
    ['history mysql', 'mysql -u root -pS3cretPass -h db1', 'S3cretPass'],
    ['history curl', 'curl -u admin:adminpw42 https://jenkins.example/api', 'adminpw42'],
    ['history --password', 'vault login --password Vlt-pass-1', 'Vlt-pass-1'],
    ['history sshpass', 'sshpass -p Sshp4ss ssh ops@host', 'Sshp4ss'],
    ['history docker login', 'docker login -u ci -p dckr-pass-77 registry.example', 'dckr-pass-77'],
    ['history env', 'PGPASSWORD=pgpw2024 psql -h db -U app', 'pgpw2024'],
  ])('%s', (_kind, text, secret) => removes(text, secret));

  it('private key blocks', () => {
    removes('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ');
  });
});

describe('ordinary log lines', () => {
  it.each([
    '2026-03-11T14:03:22.123Z INFO request_id=4f9c2a1e-7b3d-4c8e-9a1f-2b3c4d5e6f70 took 1532 ms',
    'commit 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b deployed v2.14.3 to prod-eu-1',
    'pid 48213 rss 1048576 kB uptime 86400 s',
    'max_tokens=4096 input_tokens=1532 output_tokens=211',
    'token_ttl=3600 password_policy=strict secret_name=db-creds',
    'build 20250311.4 passed 1,284 tests in 7m12s',
    'GET /api/v1/orders/1234567890 200 12ms',
    'epoch 1733500000 offset 8589934592 partition 12',
    'connected to 10.0.12.7:5432 in 0.034 s',
    'password rotation completed for 14 service accounts',
    'auth=ok user=svc-deploy latency_ms=41',
    'kafka lag 1250000 on topic payments-events-v2',
    'card processing p99 412 ms, 5 errors',
    'Ticket INC-20250311-0042 opened by on-call',
  ])('%j stays as it is', (line) => {
    expect(redact(line).text).toBe(line);
  });
});
