#!/usr/bin/env escript
%% An Erlang/OTP TLS client and server (the ssl application) as people
%% write them:
%%   escript peer.escript client HOST PORT CAFILE CERT KEY VERSION
%%   escript peer.escript server CERT KEY CLIENTCA CRL
%% CAFILE, CERT, KEY, CLIENTCA and CRL may be "" (the system's roots; no
%% client certificate; none asked; no CRL); VERSION is 1.2 or 1.3. The
%% client prints ssl:connect's error term; the server prints
%% "listening on 127.0.0.1:PORT", and the ssl application logs each
%% failed handshake its own way (to standard error).
main(["client", Host, Port, CA, Cert, Key, Version]) ->
    {ok, _} = application:ensure_all_started(ssl),
    Trust = case CA of
        "" -> [{cacerts, public_key:cacerts_get()}];
        _ -> [{cacertfile, CA}]
    end,
    Own = case Cert of
        "" -> [];
        _ -> [{certfile, Cert}, {keyfile, Key}]
    end,
    Opts = [{active, false}, {verify, verify_peer}, {server_name_indication, Host}, {versions, [version(Version)]}] ++ Trust ++ Own,
    case ssl:connect("127.0.0.1", list_to_integer(Port), Opts, 5000) of
        {ok, S} ->
            _ = ssl:send(S, "GET / HTTP/1.0\r\n\r\n"),
            case ssl:recv(S, 0, 5000) of
                {ok, _} -> io:format("no error~n");
                {error, E} -> print({error, E})
            end;
        {error, E} ->
            print({error, E})
    end;
main(["server", Cert, Key, ClientCA, CRL]) ->
    ok = logger:remove_handler(default),
    ok = logger:add_handler(default, logger_std_h, #{config => #{type => standard_error},
        formatter => {logger_formatter, #{legacy_header => true, single_line => false}}}),
    {ok, _} = application:ensure_all_started(ssl),
    Verify = case ClientCA of
        "" -> [];
        _ -> [{cacertfile, ClientCA}, {verify, verify_peer}, {fail_if_no_peer_cert, true}]
    end,
    Revocation = case CRL of
        "" -> [];
        _ ->
            ok = ssl_crl_cache:insert({file, CRL}),
            [{crl_check, peer}, {crl_cache, {ssl_crl_cache, {internal, []}}}]
    end,
    {ok, L} = ssl:listen(0, [{active, false}, {certfile, Cert}, {keyfile, Key}, {reuseaddr, true}, {versions, ['tlsv1.2', 'tlsv1.3']}] ++ Verify ++ Revocation),
    {ok, {_, Port}} = ssl:sockname(L),
    io:format("listening on 127.0.0.1:~p~n", [Port]),
    accept(L).

accept(L) ->
    {ok, T} = ssl:transport_accept(L),
    case ssl:handshake(T, 5000) of
        {ok, S} ->
            _ = ssl:recv(S, 0, 5000),
            ssl:send(S, "HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nok\n"),
            ssl:close(S);
        {error, _} ->
            ok
    end,
    accept(L).

%% print writes a term on one line, as it is pasted.
print(Term) ->
    io:format("~s~n", [io_lib:print(Term, 1, 100000, -1)]).

version("1.2") -> 'tlsv1.2';
version(_) -> 'tlsv1.3'.
