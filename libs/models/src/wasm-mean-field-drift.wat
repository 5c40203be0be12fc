;; The Kuramoto mean-field drift (thesis Eqs. 2.30, 2.31) as a WebAssembly SIMD kernel:
;;   f_i = ω_i + V/N · (Im Z cos φ_i − Re Z sin φ_i),   Z = Σ_j e^{iφ_j},
;; for R realizations of N oscillators, phases laid out [realization][oscillator].
;;
;; It does the operations of the JavaScript kernels `phaseFactorsInto` (phase-factors-into.ts)
;; and `meanFieldDriftInto` (mean-field-drift-into.ts) in the same order, two oscillators per
;; f64x2 instruction, so its results equal theirs bit for bit: WebAssembly has no fused
;; multiply-add, f64x2.nearest rounds half to even as the JavaScript 1.5·2^52 trick does, and the
;; sums Σ cos, Σ sin are added lane by lane in index order.
;;
;; Source of truth for the kernel. `npm run wasm` assembles it with wabt (SIMD enabled) into
;; wasm-mean-field-drift-binary.ts; wasm-mean-field-drift-binary.spec.ts checks the two agree.
;;
;; Memory (imported, laid out by createWasmMeanFieldDrift, every block 16-byte aligned):
;;   byte 0: the table [cos jh, sin jh], j = 0 … 1023, 16 bytes per record
;;   then y (phases), ω, cos (N), sin (N), f (the drift): addresses passed to $drift in bytes.
(module
  (type $drift (func (param i32 i32 f64 i32 i32 i32 i32 i32)))
  (type $slow (func (param i32 i32 i32)))
  (import "env" "memory" (memory 1))
  ;; $slow(first phase index, first oscillator k, count): the JavaScript kernel for `count`
  ;; phases from y[index] on, writing cos/sin to cos[k…], sin[k…]. Used for lanes with
  ;; |φ| > 1e7 or not finite (Math.cos/Math.sin there) and for an odd last oscillator.
  (import "env" "slow" (func $slow (type $slow)))

  (func $drift (export "drift") (type $drift)
    (param $realizations i32) (param $n i32) (param $coupling f64) ;; coupling = V/N
    (param $yAt i32) (param $omegaAt i32) (param $cosAt i32) (param $sinAt i32) (param $fAt i32)
    ;; $yp, $wp, $fp: byte addresses of realization r's phases, ω and f; $kb = 8·k
    (local $r i32) (local $k i32) (local $yp i32) (local $wp i32) (local $fp i32) (local $kb i32)
    (local $sumCos f64) (local $sumSin f64) (local $a f64) (local $b f64)
    ;; the constants of phaseFactorsInto, in both lanes
    (local $invStep v128) (local $stepHi v128) (local $stepMid v128) (local $stepLo v128)
    (local $fastLimit v128) (local $one v128) (local $sixth v128) (local $c120 v128)
    (local $half v128) (local $c24 v128)
    ;; two oscillators' values
    (local $x v128) (local $j v128) (local $d v128) (local $d2 v128) (local $sd v128)
    (local $cm1 v128) (local $rec0 v128) (local $rec1 v128) (local $cj v128) (local $sj v128)
    (local $cos v128) (local $sin v128) (local $av v128) (local $bv v128)

    ;; h = 2π/1024; 1/h; h = hi + mid + lo (Cody–Waite: hi has 21 significant bits, so j·hi is
    ;; exact for |j| < 2^32); beyond |φ| = 1e7 the index j would overflow int32
    (local.set $invStep (f64x2.splat (f64.const 162.97466172610083)))
    (local.set $stepHi (f64x2.splat (f64.const 0.00613592192530632)))
    (local.set $stepMid (f64x2.splat (f64.const 1.2262362444892538e-9)))
    (local.set $stepLo (f64x2.splat (f64.const 2.391888279584674e-19)))
    (local.set $fastLimit (f64x2.splat (f64.const 10000000)))
    ;; series coefficients: sin d ≈ d(1 + d²(−1/6 + d²/120)), cos d − 1 ≈ d²(−1/2 + d²/24)
    (local.set $one (f64x2.splat (f64.const 1)))
    (local.set $sixth (f64x2.splat (f64.const -0.16666666666666666)))
    (local.set $c120 (f64x2.splat (f64.const 0.008333333333333333)))
    (local.set $half (f64x2.splat (f64.const -0.5)))
    (local.set $c24 (f64x2.splat (f64.const 0.041666666666666664)))

    (local.set $r (i32.const 0))
    (block $realizationsDone
      (loop $realization
        (br_if $realizationsDone (i32.ge_u (local.get $r) (local.get $realizations)))
        (local.set $yp (i32.add
          (local.tee $kb (i32.shl (i32.mul (local.get $r) (local.get $n)) (i32.const 3)))
          (local.get $yAt)))
        (local.set $wp (i32.add (local.get $kb) (local.get $omegaAt)))
        (local.set $fp (i32.add (local.get $kb) (local.get $fAt)))
        (local.set $sumCos (f64.const 0))
        (local.set $sumSin (f64.const 0))

        ;; pass 1: cos φ, sin φ and their sums, two phases at a time
        (local.set $k (i32.const 0))
        (block $pairsDone
          (loop $pair
            (br_if $pairsDone (i32.gt_u (i32.add (local.get $k) (i32.const 2)) (local.get $n)))
            (local.set $kb (i32.shl (local.get $k) (i32.const 3)))
            (local.set $x (v128.load align=8 (i32.add (local.get $yp) (local.get $kb))))
            ;; both |φ| ≤ 1e7 (false for NaN)?
            (if (i64x2.all_true (f64x2.le (f64x2.abs (local.get $x)) (local.get $fastLimit)))
              (then
                ;; j = round(φ/h); d = φ − j·hi − j·mid − j·lo
                (local.set $j (f64x2.nearest (f64x2.mul (local.get $x) (local.get $invStep))))
                (local.set $d
                  (f64x2.sub
                    (f64x2.sub
                      (f64x2.sub (local.get $x) (f64x2.mul (local.get $j) (local.get $stepHi)))
                      (f64x2.mul (local.get $j) (local.get $stepMid)))
                    (f64x2.mul (local.get $j) (local.get $stepLo))))
                ;; the table records [cos jh, sin jh] of both lanes, at byte 16·(j & 1023)
                ;; (two's complement: right for negative j too)
                (local.set $rec0 (v128.load align=8
                  (i32.shl
                    (i32.and
                      (i32x4.extract_lane 0 (i32x4.trunc_sat_f64x2_s_zero (local.get $j)))
                      (i32.const 1023))
                    (i32.const 4))))
                (local.set $rec1 (v128.load align=8
                  (i32.shl
                    (i32.and
                      (i32x4.extract_lane 1 (i32x4.trunc_sat_f64x2_s_zero (local.get $j)))
                      (i32.const 1023))
                    (i32.const 4))))
                ;; cj = [cos j0h, cos j1h], sj = [sin j0h, sin j1h]
                (local.set $cj (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
                  (local.get $rec0) (local.get $rec1)))
                (local.set $sj (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
                  (local.get $rec0) (local.get $rec1)))
                (local.set $d2 (f64x2.mul (local.get $d) (local.get $d)))
                (local.set $sd
                  (f64x2.mul (local.get $d)
                    (f64x2.add (local.get $one)
                      (f64x2.mul (local.get $d2)
                        (f64x2.add (local.get $sixth) (f64x2.mul (local.get $d2) (local.get $c120)))))))
                (local.set $cm1
                  (f64x2.mul (local.get $d2)
                    (f64x2.add (local.get $half) (f64x2.mul (local.get $d2) (local.get $c24)))))
                ;; cos φ = cj + (cj·cm1 − sj·sd); sin φ = sj + (sj·cm1 + cj·sd)
                (local.set $cos
                  (f64x2.add (local.get $cj)
                    (f64x2.sub
                      (f64x2.mul (local.get $cj) (local.get $cm1))
                      (f64x2.mul (local.get $sj) (local.get $sd)))))
                (local.set $sin
                  (f64x2.add (local.get $sj)
                    (f64x2.add
                      (f64x2.mul (local.get $sj) (local.get $cm1))
                      (f64x2.mul (local.get $cj) (local.get $sd)))))
                (v128.store align=8 (i32.add (local.get $cosAt) (local.get $kb)) (local.get $cos))
                (v128.store align=8 (i32.add (local.get $sinAt) (local.get $kb)) (local.get $sin)))
              (else
                ;; the JavaScript kernel for both lanes, then read back what it wrote
                (call $slow
                  (i32.shr_u (i32.add (local.get $yp) (local.get $kb)) (i32.const 3))
                  (local.get $k)
                  (i32.const 2))
                (local.set $cos (v128.load align=8 (i32.add (local.get $cosAt) (local.get $kb))))
                (local.set $sin (v128.load align=8 (i32.add (local.get $sinAt) (local.get $kb))))))
            ;; the sums in index order, as the JavaScript kernel adds them
            (local.set $sumCos
              (f64.add
                (f64.add (local.get $sumCos) (f64x2.extract_lane 0 (local.get $cos)))
                (f64x2.extract_lane 1 (local.get $cos))))
            (local.set $sumSin
              (f64.add
                (f64.add (local.get $sumSin) (f64x2.extract_lane 0 (local.get $sin)))
                (f64x2.extract_lane 1 (local.get $sin))))
            (local.set $k (i32.add (local.get $k) (i32.const 2)))
            (br $pair)))
        ;; an odd last oscillator
        (if (i32.eqz (i32.ge_u (local.get $k) (local.get $n)))
          (then
            (local.set $kb (i32.shl (local.get $k) (i32.const 3)))
            (call $slow
              (i32.shr_u (i32.add (local.get $yp) (local.get $kb)) (i32.const 3))
              (local.get $k)
              (i32.const 1))
            (local.set $sumCos
              (f64.add (local.get $sumCos) (f64.load (i32.add (local.get $cosAt) (local.get $kb)))))
            (local.set $sumSin
              (f64.add (local.get $sumSin) (f64.load (i32.add (local.get $sinAt) (local.get $kb)))))))

        ;; pass 2: f = ω + a cos φ − b sin φ, a = (V/N) Σ sin = V Im z, b = (V/N) Σ cos = V Re z
        (local.set $av (f64x2.splat (local.tee $a (f64.mul (local.get $coupling) (local.get $sumSin)))))
        (local.set $bv (f64x2.splat (local.tee $b (f64.mul (local.get $coupling) (local.get $sumCos)))))
        (local.set $k (i32.const 0))
        (block $driftsDone
          (loop $driftPair
            (br_if $driftsDone (i32.gt_u (i32.add (local.get $k) (i32.const 2)) (local.get $n)))
            (local.set $kb (i32.shl (local.get $k) (i32.const 3)))
            (v128.store align=8 (i32.add (local.get $fp) (local.get $kb))
              (f64x2.sub
                (f64x2.add
                  (v128.load align=8 (i32.add (local.get $wp) (local.get $kb)))
                  (f64x2.mul (local.get $av) (v128.load align=8 (i32.add (local.get $cosAt) (local.get $kb)))))
                (f64x2.mul (local.get $bv) (v128.load align=8 (i32.add (local.get $sinAt) (local.get $kb))))))
            (local.set $k (i32.add (local.get $k) (i32.const 2)))
            (br $driftPair)))
        (if (i32.eqz (i32.ge_u (local.get $k) (local.get $n)))
          (then
            (local.set $kb (i32.shl (local.get $k) (i32.const 3)))
            (f64.store (i32.add (local.get $fp) (local.get $kb))
              (f64.sub
                (f64.add
                  (f64.load (i32.add (local.get $wp) (local.get $kb)))
                  (f64.mul (local.get $a) (f64.load (i32.add (local.get $cosAt) (local.get $kb)))))
                (f64.mul (local.get $b) (f64.load (i32.add (local.get $sinAt) (local.get $kb))))))))

        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $realization)))))
