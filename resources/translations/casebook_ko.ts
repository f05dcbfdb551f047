<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AugmentationChoice</name>
    <message>
        <source>Mirroring</source>
        <translation>좌우 반전</translation>
    </message>
    <message>
        <source>Cropping</source>
        <translation>무작위 자르기</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>회전</translation>
    </message>
    <message>
        <source>Shearing</source>
        <translation>전단 변환</translation>
    </message>
    <message>
        <source>Warping</source>
        <translation>국소 왜곡</translation>
    </message>
    <message>
        <source>Colour shifting</source>
        <translation>색상 변환</translation>
    </message>
    <message>
        <source>A mirrored 2 is not a 2: mirroring would change the digits&apos; labels.</source>
        <translation>좌우로 뒤집은 2는 2가 아닙니다: 좌우 반전은 숫자의 레이블을 바꿉니다.</translation>
    </message>
    <message>
        <source>The digits are gray: there is no colour to shift.</source>
        <translation>숫자 이미지는 회색이라 바꿀 색이 없습니다.</translation>
    </message>
</context>
<context>
    <name>AugmentationView</name>
    <message>
        <source>Data augmentation</source>
        <translation>데이터 증강</translation>
    </message>
    <message>
        <source>Q. How can we get more training data?</source>
        <translation>Q. 데이터를 늘리기 위한 방법으로 어떤 것이 있을까?</translation>
    </message>
    <message>
        <source>Again: new random examples</source>
        <translation>다시: 새 무작위 예시</translation>
    </message>
    <message>
        <source>Every picture on this page is a new training image made from the one on the left, with its label unchanged: no new photograph, no new labelling. Drop an image on the window to use your own.</source>
        <translation>이 페이지의 모든 그림은 왼쪽 이미지 하나로 만든 새 훈련 이미지이며, 레이블은 그대로입니다. 새로 사진을 찍거나 레이블을 붙일 필요가 없습니다. 창에 이미지를 끌어다 놓으면 그 이미지로 보여 줍니다.</translation>
    </message>
    <message>
        <source>Mirroring</source>
        <translation>좌우 반전 (Mirroring)</translation>
    </message>
    <message>
        <source>Random cropping</source>
        <translation>무작위 자르기 (Random cropping)</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>회전 (Rotation)</translation>
    </message>
    <message>
        <source>Shearing</source>
        <translation>전단 변환 (Shearing)</translation>
    </message>
    <message>
        <source>Local warping</source>
        <translation>국소 왜곡 (Local warping)</translation>
    </message>
    <message>
        <source>Colour shifting</source>
        <translation>색상 변환 (Color shifting)</translation>
    </message>
    <message>
        <source>“{name}”, centre square, {size}×{size}</source>
        <translation>“{name}”, 가운데 정사각형, {size}×{size}</translation>
    </message>
    <message>
        <source>original</source>
        <translation>원본</translation>
    </message>
    <message>
        <source>mirrored left to right</source>
        <translation>좌우 반전</translation>
    </message>
    <message>
        <source>{area} kept</source>
        <translation>{area} 남김</translation>
    </message>
    <message>
        <source>rotated {angle}°</source>
        <translation>{angle}° 회전</translation>
    </message>
    <message>
        <source>sheared {x}, {y}</source>
        <translation>전단 변환 {x}, {y}</translation>
    </message>
    <message>
        <source>moved {shift} px on average</source>
        <translation>평균 {shift} px 이동</translation>
    </message>
    <message>
        <source>Making the examples…</source>
        <translation>예시를 만드는 중…</translation>
    </message>
</context>
<context>
    <name>AugmentedExamples</name>
    <message>
        <source>This batch: each image above, augmented below</source>
        <translation>지금 배치: 위는 원본, 아래는 증강한 이미지</translation>
    </message>
</context>
<context>
    <name>ClassNames</name>
    <message>
        <source>airplane</source>
        <translation>비행기</translation>
    </message>
    <message>
        <source>automobile</source>
        <translation>자동차</translation>
    </message>
    <message>
        <source>bird</source>
        <translation>새</translation>
    </message>
    <message>
        <source>cat</source>
        <translation>고양이</translation>
    </message>
    <message>
        <source>deer</source>
        <translation>사슴</translation>
    </message>
    <message>
        <source>dog</source>
        <translation>개</translation>
    </message>
    <message>
        <source>frog</source>
        <translation>개구리</translation>
    </message>
    <message>
        <source>horse</source>
        <translation>말</translation>
    </message>
    <message>
        <source>ship</source>
        <translation>배</translation>
    </message>
    <message>
        <source>truck</source>
        <translation>트럭</translation>
    </message>
    <message>
        <source>apple</source>
        <translation>사과</translation>
    </message>
    <message>
        <source>aquarium_fish</source>
        <translation>관상어</translation>
    </message>
    <message>
        <source>baby</source>
        <translation>아기</translation>
    </message>
    <message>
        <source>bear</source>
        <translation>곰</translation>
    </message>
    <message>
        <source>beaver</source>
        <translation>비버</translation>
    </message>
    <message>
        <source>bed</source>
        <translation>침대</translation>
    </message>
    <message>
        <source>bee</source>
        <translation>벌</translation>
    </message>
    <message>
        <source>beetle</source>
        <translation>딱정벌레</translation>
    </message>
    <message>
        <source>bicycle</source>
        <translation>자전거</translation>
    </message>
    <message>
        <source>bottle</source>
        <translation>병</translation>
    </message>
    <message>
        <source>bowl</source>
        <translation>그릇</translation>
    </message>
    <message>
        <source>boy</source>
        <translation>소년</translation>
    </message>
    <message>
        <source>bridge</source>
        <translation>다리</translation>
    </message>
    <message>
        <source>bus</source>
        <translation>버스</translation>
    </message>
    <message>
        <source>butterfly</source>
        <translation>나비</translation>
    </message>
    <message>
        <source>camel</source>
        <translation>낙타</translation>
    </message>
    <message>
        <source>can</source>
        <translation>캔</translation>
    </message>
    <message>
        <source>castle</source>
        <translation>성</translation>
    </message>
    <message>
        <source>caterpillar</source>
        <translation>애벌레</translation>
    </message>
    <message>
        <source>cattle</source>
        <translation>소</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>의자</translation>
    </message>
    <message>
        <source>chimpanzee</source>
        <translation>침팬지</translation>
    </message>
    <message>
        <source>clock</source>
        <translation>시계</translation>
    </message>
    <message>
        <source>cloud</source>
        <translation>구름</translation>
    </message>
    <message>
        <source>cockroach</source>
        <translation>바퀴벌레</translation>
    </message>
    <message>
        <source>couch</source>
        <translation>소파</translation>
    </message>
    <message>
        <source>crab</source>
        <translation>게</translation>
    </message>
    <message>
        <source>crocodile</source>
        <translation>악어</translation>
    </message>
    <message>
        <source>cup</source>
        <translation>컵</translation>
    </message>
    <message>
        <source>dinosaur</source>
        <translation>공룡</translation>
    </message>
    <message>
        <source>dolphin</source>
        <translation>돌고래</translation>
    </message>
    <message>
        <source>elephant</source>
        <translation>코끼리</translation>
    </message>
    <message>
        <source>flatfish</source>
        <translation>넙치</translation>
    </message>
    <message>
        <source>forest</source>
        <translation>숲</translation>
    </message>
    <message>
        <source>fox</source>
        <translation>여우</translation>
    </message>
    <message>
        <source>girl</source>
        <translation>소녀</translation>
    </message>
    <message>
        <source>hamster</source>
        <translation>햄스터</translation>
    </message>
    <message>
        <source>house</source>
        <translation>집</translation>
    </message>
    <message>
        <source>kangaroo</source>
        <translation>캥거루</translation>
    </message>
    <message>
        <source>keyboard</source>
        <translation>키보드</translation>
    </message>
    <message>
        <source>lamp</source>
        <translation>램프</translation>
    </message>
    <message>
        <source>lawn_mower</source>
        <translation>잔디 깎는 기계</translation>
    </message>
    <message>
        <source>leopard</source>
        <translation>표범</translation>
    </message>
    <message>
        <source>lion</source>
        <translation>사자</translation>
    </message>
    <message>
        <source>lizard</source>
        <translation>도마뱀</translation>
    </message>
    <message>
        <source>lobster</source>
        <translation>바닷가재</translation>
    </message>
    <message>
        <source>man</source>
        <translation>남자</translation>
    </message>
    <message>
        <source>maple_tree</source>
        <translation>단풍나무</translation>
    </message>
    <message>
        <source>motorcycle</source>
        <translation>오토바이</translation>
    </message>
    <message>
        <source>mountain</source>
        <translation>산</translation>
    </message>
    <message>
        <source>mouse</source>
        <translation>생쥐</translation>
    </message>
    <message>
        <source>mushroom</source>
        <translation>버섯</translation>
    </message>
    <message>
        <source>oak_tree</source>
        <translation>참나무</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>오렌지</translation>
    </message>
    <message>
        <source>orchid</source>
        <translation>난초</translation>
    </message>
    <message>
        <source>otter</source>
        <translation>수달</translation>
    </message>
    <message>
        <source>palm_tree</source>
        <translation>야자나무</translation>
    </message>
    <message>
        <source>pear</source>
        <translation>배(과일)</translation>
    </message>
    <message>
        <source>pickup_truck</source>
        <translation>픽업트럭</translation>
    </message>
    <message>
        <source>pine_tree</source>
        <translation>소나무</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>평원</translation>
    </message>
    <message>
        <source>plate</source>
        <translation>접시</translation>
    </message>
    <message>
        <source>poppy</source>
        <translation>양귀비</translation>
    </message>
    <message>
        <source>porcupine</source>
        <translation>호저</translation>
    </message>
    <message>
        <source>possum</source>
        <translation>주머니쥐</translation>
    </message>
    <message>
        <source>rabbit</source>
        <translation>토끼</translation>
    </message>
    <message>
        <source>raccoon</source>
        <translation>너구리</translation>
    </message>
    <message>
        <source>ray</source>
        <translation>가오리</translation>
    </message>
    <message>
        <source>road</source>
        <translation>도로</translation>
    </message>
    <message>
        <source>rocket</source>
        <translation>로켓</translation>
    </message>
    <message>
        <source>rose</source>
        <translation>장미</translation>
    </message>
    <message>
        <source>sea</source>
        <translation>바다</translation>
    </message>
    <message>
        <source>seal</source>
        <translation>물범</translation>
    </message>
    <message>
        <source>shark</source>
        <translation>상어</translation>
    </message>
    <message>
        <source>shrew</source>
        <translation>뒤쥐</translation>
    </message>
    <message>
        <source>skunk</source>
        <translation>스컹크</translation>
    </message>
    <message>
        <source>skyscraper</source>
        <translation>고층 건물</translation>
    </message>
    <message>
        <source>snail</source>
        <translation>달팽이</translation>
    </message>
    <message>
        <source>snake</source>
        <translation>뱀</translation>
    </message>
    <message>
        <source>spider</source>
        <translation>거미</translation>
    </message>
    <message>
        <source>squirrel</source>
        <translation>다람쥐</translation>
    </message>
    <message>
        <source>streetcar</source>
        <translation>전차</translation>
    </message>
    <message>
        <source>sunflower</source>
        <translation>해바라기</translation>
    </message>
    <message>
        <source>sweet_pepper</source>
        <translation>피망</translation>
    </message>
    <message>
        <source>table</source>
        <translation>탁자</translation>
    </message>
    <message>
        <source>tank</source>
        <translation>탱크</translation>
    </message>
    <message>
        <source>telephone</source>
        <translation>전화기</translation>
    </message>
    <message>
        <source>television</source>
        <translation>텔레비전</translation>
    </message>
    <message>
        <source>tiger</source>
        <translation>호랑이</translation>
    </message>
    <message>
        <source>tractor</source>
        <translation>트랙터</translation>
    </message>
    <message>
        <source>train</source>
        <translation>기차</translation>
    </message>
    <message>
        <source>trout</source>
        <translation>송어</translation>
    </message>
    <message>
        <source>tulip</source>
        <translation>튤립</translation>
    </message>
    <message>
        <source>turtle</source>
        <translation>거북</translation>
    </message>
    <message>
        <source>wardrobe</source>
        <translation>옷장</translation>
    </message>
    <message>
        <source>whale</source>
        <translation>고래</translation>
    </message>
    <message>
        <source>willow_tree</source>
        <translation>버드나무</translation>
    </message>
    <message>
        <source>wolf</source>
        <translation>늑대</translation>
    </message>
    <message>
        <source>woman</source>
        <translation>여자</translation>
    </message>
    <message>
        <source>worm</source>
        <translation>벌레</translation>
    </message>
    <message>
        <source>0 - zero</source>
        <translation>0 - 영</translation>
    </message>
    <message>
        <source>1 - one</source>
        <translation>1 - 일</translation>
    </message>
    <message>
        <source>2 - two</source>
        <translation>2 - 이</translation>
    </message>
    <message>
        <source>3 - three</source>
        <translation>3 - 삼</translation>
    </message>
    <message>
        <source>4 - four</source>
        <translation>4 - 사</translation>
    </message>
    <message>
        <source>5 - five</source>
        <translation>5 - 오</translation>
    </message>
    <message>
        <source>6 - six</source>
        <translation>6 - 육</translation>
    </message>
    <message>
        <source>7 - seven</source>
        <translation>7 - 칠</translation>
    </message>
    <message>
        <source>8 - eight</source>
        <translation>8 - 팔</translation>
    </message>
    <message>
        <source>9 - nine</source>
        <translation>9 - 구</translation>
    </message>
</context>
<context>
    <name>CostDistributionView</name>
    <message>
        <source>Sort by:</source>
        <translation>정렬 기준:</translation>
    </message>
    <message>
        <source>Multiply-adds</source>
        <translation>곱셈-덧셈</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>변수</translation>
    </message>
    <message>
        <source>Where the cost goes</source>
        <translation>계산 비용은 어디에 드는가</translation>
    </message>
    <message>
        <source>Waiting for the layer analysis…</source>
        <translation>층 분석을 기다리는 중…</translation>
    </message>
    <message>
        <source>Where the cost goes: {0}</source>
        <translation>계산 비용은 어디에 드는가: {0}</translation>
    </message>
    <message>
        <source>{0} parameters in {1} layers</source>
        <translation>{1}개 층에 변수 {0}개</translation>
    </message>
    <message>
        <source>{0} multiply-adds in {1} layers</source>
        <translation>{1}개 층에서 곱셈-덧셈 {0}회</translation>
    </message>
    <message>
        <source>{0} multiply-adds in {1} layers; the largest {2} do {3:.0f}% of them.</source>
        <translation>{1}개 층에서 곱셈-덧셈 {0}회; 가장 큰 {2}개 층이 {3:.0f}%를 차지한다.</translation>
    </message>
    <message>
        <source>{0} parameters in {1} layers; the largest {2} hold {3:.0f}% of them.</source>
        <translation>{1}개 층에 변수 {0}개; 가장 큰 {2}개 층이 {3:.0f}%를 차지한다.</translation>
    </message>
</context>
<context>
    <name>CostView</name>
    <message>
        <source>The 1×1 bottleneck: what a convolution costs</source>
        <translation>1×1 병목: 합성곱의 계산 비용</translation>
    </message>
    <message>
        <source>Q. How many multiplications does a 5×5 convolution from 28×28×192 to 28×28×32 need? And with a 1×1 convolution down to 16 channels first?</source>
        <translation>Q. 28×28×192를 28×28×32로 바꾸는 5×5 합성곱에는 곱셈이 몇 번 필요할까? 먼저 1×1 합성곱으로 16채널까지 줄이면?</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>예시 설정</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>사용자 지정</translation>
    </message>
    <message>
        <source>Lecture: 5×5, 192 → 32 through 16</source>
        <translation>강의 예: 5×5, 192 → 32 (16채널 경유)</translation>
    </message>
    <message>
        <source>Inception 3a, 3×3 branch: 192 → 128 through 96</source>
        <translation>Inception 3a, 3×3 가지: 192 → 128 (96채널 경유)</translation>
    </message>
    <message>
        <source>Inception 4a, 5×5 branch: 480 → 48 through 16</source>
        <translation>Inception 4a, 5×5 가지: 480 → 48 (16채널 경유)</translation>
    </message>
    <message>
        <source>Inception 5b, 3×3 branch: 832 → 384 through 192</source>
        <translation>Inception 5b, 3×3 가지: 832 → 384 (192채널 경유)</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>높이</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>너비</translation>
    </message>
    <message>
        <source>Input channels</source>
        <translation>입력 채널</translation>
    </message>
    <message>
        <source>Output channels</source>
        <translation>출력 채널</translation>
    </message>
    <message>
        <source>Filter size</source>
        <translation>필터 크기</translation>
    </message>
    <message>
        <source>Bottleneck channels</source>
        <translation>병목 채널</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>패딩</translation>
    </message>
    <message>
        <source>Same (output keeps height and width)</source>
        <translation>same (출력이 높이와 너비를 유지)</translation>
    </message>
    <message>
        <source>None (output shrinks by filter size − 1)</source>
        <translation>없음 (출력이 필터 크기 − 1만큼 줄어듦)</translation>
    </message>
    <message>
        <source>Direct {0}×{0} convolution</source>
        <translation>{0}×{0} 합성곱을 바로 적용</translation>
    </message>
    <message>
        <source>With a 1×1 bottleneck of {0} channels</source>
        <translation>{0}채널 1×1 병목을 거칠 때</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>바로 적용</translation>
    </message>
    <message>
        <source>With bottleneck</source>
        <translation>병목 사용</translation>
    </message>
    <message>
        <source>1×1 reduction</source>
        <translation>1×1 축소</translation>
    </message>
    <message>
        <source>{0}×{0} convolution</source>
        <translation>{0}×{0} 합성곱</translation>
    </message>
    <message>
        <source>≈ {0} multiply-adds</source>
        <translation>≈ 곱셈-덧셈 {0}회</translation>
    </message>
    <message>
        <source>The bottleneck needs {0} fewer multiply-adds</source>
        <translation>병목을 쓰면 곱셈-덧셈이 {0} 적다</translation>
    </message>
    <message>
        <source>The bottleneck needs {0} more multiply-adds</source>
        <translation>병목을 쓰면 곱셈-덧셈이 {0} 많다</translation>
    </message>
    <message>
        <source>Refused: an even {0}×{0} filter cannot keep the size with equal padding on both sides (it needs {1} pixels, which do not split evenly). Choose an odd filter size or no padding.</source>
        <translation>계산할 수 없음: 짝수인 {0}×{0} 필터는 양쪽에 같은 패딩을 넣어 크기를 유지할 수 없다 ({1}픽셀이 필요한데 둘로 똑같이 나뉘지 않는다). 홀수 크기의 필터를 고르거나 패딩 없이 계산하면 된다.</translation>
    </message>
    <message>
        <source>Parameters: {0} = {1}</source>
        <translation>변수: {0} = {1}</translation>
    </message>
    <message>
        <source>{0} fewer parameters</source>
        <translation>변수 {0} 적음</translation>
    </message>
    <message>
        <source>{0} more parameters</source>
        <translation>변수 {0} 많음</translation>
    </message>
    <message>
        <source>Refused: the bottleneck ({0} channels) is wider than the input ({1} channels). A 1×1 reduction must shrink the channels.</source>
        <translation>계산할 수 없음: 병목({0}채널)이 입력({1}채널)보다 넓다. 1×1 축소는 채널 수를 줄여야 한다.</translation>
    </message>
    <message>
        <source>Refused: the {0}×{0} filter is larger than the {1}×{2} image and there is no padding. Choose a smaller filter or same padding.</source>
        <translation>계산할 수 없음: 패딩이 없는데 {0}×{0} 필터가 {1}×{2} 이미지보다 크다. 더 작은 필터를 고르거나 same 패딩을 쓰면 된다.</translation>
    </message>
</context>
<context>
    <name>DatasetsView</name>
    <message>
        <source>Not on this computer, so facts only: {sets}. File → Prepare for class… fetches them (once, online).</source>
        <translation>이 컴퓨터에 없어 정보만 보여 줍니다: {sets}. 파일 → 수업 준비…에서 (한 번, 온라인으로) 받을 수 있습니다.</translation>
    </message>
    <message>
        <source>Handwritten digits (embedded)</source>
        <translation>손글씨 숫자 (내장)</translation>
    </message>
    <message>
        <source>{name} · {classes} classes</source>
        <translation>{name} · 클래스 {classes}개</translation>
    </message>
    <message>
        <source>Data sets</source>
        <translation>데이터 세트</translation>
    </message>
    <message>
        <source>The standard image data sets, with their sizes (training + test where they come split); hover over a row for where the lecture rounds.</source>
        <translation>대표적인 이미지 데이터 세트와 그 크기 (나뉘어 배포되는 세트는 훈련 + 테스트). 강의가 어림한 곳은 행 위에 마우스를 올리면 보인다.</translation>
    </message>
    <message>
        <source>Real samples of the data sets on this computer (test images, one row per class)</source>
        <translation>이 컴퓨터에 있는 데이터 세트의 실제 샘플 (테스트 이미지, 클래스마다 한 줄)</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>데이터 세트</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>연도</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>클래스 수</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Trainable here</source>
        <translation>여기서 훈련 가능</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
</context>
<context>
    <name>DepthView</name>
    <message>
        <source>at initialisation</source>
        <translation>초기화 시점</translation>
    </message>
    <message>
        <source>At step {step}: plain {shallow} → {deep} layers, training error {p1} → {p2}; residual {shallow} → {deep} layers, {r1} → {r2}.</source>
        <translation>{step} 스텝: plain {shallow} → {deep}층, 훈련 오차 {p1} → {p2}; residual {shallow} → {deep}층, {r1} → {r2}.</translation>
    </message>
    <message>
        <source>Reproduced: the paper&apos;s training-error result (thin lines in its Fig. 6): deeper plain networks train worse, deeper residual ones do not.</source>
        <translation>재현됨: 논문의 훈련 오차 결과 (그림 6의 가는 선). 더 깊은 plain 네트워크는 훈련이 더 안 되고, 더 깊은 residual 네트워크는 그렇지 않다.</translation>
    </message>
    <message>
        <source>Not reproduced in this run: the paper&apos;s training-error result (deeper plain networks train worse, deeper residual ones do not).</source>
        <translation>이번 실행에서는 재현되지 않음: 논문의 훈련 오차 결과 (더 깊은 plain 네트워크는 훈련이 더 안 되고, 더 깊은 residual 네트워크는 그렇지 않다).</translation>
    </message>
    <message>
        <source>Not reproduced: in the paper the deeper ResNets also test better on CIFAR-10; here the residual test error rises a little with depth ({shallow}: {e1}, {deep}: {e2}), after a short run on a small data set.</source>
        <translation>재현되지 않음: 논문에서는 CIFAR-10에서 더 깊은 ResNet의 테스트 오차도 더 낮다. 여기서는 작은 데이터 세트로 짧게 훈련한 탓에 residual 네트워크의 테스트 오차가 깊이에 따라 조금 오른다 ({shallow}층: {e1}, {deep}층: {e2}).</translation>
    </message>
    <message>
        <source>As in the paper, the residual test error does not rise with depth.</source>
        <translation>논문처럼 residual 네트워크의 테스트 오차가 깊이에 따라 오르지 않는다.</translation>
    </message>
    <message>
        <source>These networks have width {width} (the paper&apos;s: {paper}), so ResNet-{depth} here has {params} parameters; the overview&apos;s ResNet-{depth}, at the paper&apos;s width, has {full}.</source>
        <translation>이 네트워크들의 폭은 {width}이다 (논문은 {paper}). 그래서 여기의 ResNet-{depth}는 변수가 {params}개이고, 논문의 폭을 쓰는 개요 페이지의 ResNet-{depth}는 {full}개이다.</translation>
    </message>
    <message>
        <source>Starting the sweep…</source>
        <translation>실험을 시작하는 중…</translation>
    </message>
    <message>
        <source>{data}, width {width}, shortcut {shortcut}, {steps} steps of {batch} images, on {device}</source>
        <translation>{data}, 너비 {width}, 스킵 연결 {shortcut}, {batch}장씩 {steps} 스텝, {device}에서</translation>
    </message>
    <message>
        <source>handwritten digits</source>
        <translation>손글씨 숫자</translation>
    </message>
    <message>
        <source>Training: {what}</source>
        <translation>훈련 중: {what}</translation>
    </message>
    <message>
        <source>Shipped result ({what}), made by `make depth`.</source>
        <translation>기본 제공 결과 ({what}), `make depth`로 생성.</translation>
    </message>
    <message>
        <source>Stopped; the partial result is saved in {name} ({what}).</source>
        <translation>중지됨; 중간 결과가 {name}에 저장됨 ({what}).</translation>
    </message>
    <message>
        <source>Result {name} ({what}).</source>
        <translation>결과 {name} ({what}).</translation>
    </message>
    <message>
        <source>He et al. (2016), Figure 6, on the handwritten digits: plain (dashed) and residual (solid) networks of several depths, trained side by side with the same data, settings and seed. More plain layers make the training error worse: the deeper plain network is harder to optimise, it is not over-fitting. With skip connections the deeper network trains as well as the shallow one. Below: at initialisation the deep plain network&apos;s gradients grow towards the input; a few steps later its first layers get far less than its last ones, while the residual network&apos;s gradient reaches every layer.</source>
        <translation>He 외(2016) 그림 6을 손글씨 숫자로: plain(점선)과 residual(실선) 네트워크를 여러 깊이로, 같은 데이터·설정·시드로 나란히 훈련합니다. plain 층을 더 쌓으면 훈련 오차가 커집니다: 깊은 plain 네트워크는 최적화가 더 어렵고, 과적합이 아닙니다. 스킵 연결이 있으면 깊은 네트워크도 얕은 네트워크만큼 잘 훈련됩니다. 아래: 초기화 시점에는 깊은 plain 네트워크의 기울기가 입력 쪽으로 갈수록 커지고, 몇 스텝 뒤에는 앞쪽 층이 뒤쪽 층보다 훨씬 작은 기울기를 받습니다. residual 네트워크는 기울기가 모든 층에 닿습니다.</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Depths (6n+2)</source>
        <translation>깊이 (6n+2)</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>너비</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>스킵 연결</translation>
    </message>
    <message>
        <source>A: zero-padded identity</source>
        <translation>A: 0으로 채운 항등 연결</translation>
    </message>
    <message>
        <source>B: projection (1×1 conv)</source>
        <translation>B: 프로젝션 (1×1 합성곱)</translation>
    </message>
    <message>
        <source>Stop all</source>
        <translation>모두 중지</translation>
    </message>
    <message>
        <source>Open a saved result…</source>
        <translation>저장된 결과 열기…</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>변수</translation>
    </message>
    <message>
        <source>Training error</source>
        <translation>훈련 오차</translation>
    </message>
    <message>
        <source>Test error</source>
        <translation>테스트 오차</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Training error (%) against steps</source>
        <translation>스텝에 따른 훈련 오차 (%)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>Final error (%) against depth</source>
        <translation>깊이에 따른 최종 오차 (%)</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>층 수</translation>
    </message>
    <message>
        <source>Gradient norm per layer (log scale)</source>
        <translation>층별 기울기 크기 (로그 눈금)</translation>
    </message>
    <message>
        <source>layer, from the input to the output</source>
        <translation>층 (입력 → 출력)</translation>
    </message>
    <message>
        <source>Gradients of the networks with</source>
        <translation>기울기를 볼 네트워크:</translation>
    </message>
    <message>
        <source>plain, training (thin)</source>
        <translation>plain, 훈련 (가는 선)</translation>
    </message>
    <message>
        <source>plain, test (bold)</source>
        <translation>plain, 테스트 (굵은 선)</translation>
    </message>
    <message>
        <source>residual, training (thin)</source>
        <translation>residual, 훈련 (가는 선)</translation>
    </message>
    <message>
        <source>residual, test (bold)</source>
        <translation>residual, 테스트 (굵은 선)</translation>
    </message>
    <message>
        <source>{depth} layers</source>
        <translation>{depth}층</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>at step {step}</source>
        <translation>{step} 스텝</translation>
    </message>
    <message>
        <source>Thick lines: {at}</source>
        <translation>굵은 선: {at}</translation>
    </message>
    <message>
        <source>Plain-{depth}, at initialisation</source>
        <translation>Plain-{depth}, 초기화 시점</translation>
    </message>
    <message>
        <source>Plain-{depth}, {at}</source>
        <translation>Plain-{depth}, {at}</translation>
    </message>
    <message>
        <source>ResNet-{depth}, at initialisation</source>
        <translation>ResNet-{depth}, 초기화 시점</translation>
    </message>
    <message>
        <source>ResNet-{depth}, {at}</source>
        <translation>ResNet-{depth}, {at}</translation>
    </message>
    <message>
        <source>Open a plain-versus-residual result</source>
        <translation>plain 대 residual 결과 열기</translation>
    </message>
    <message>
        <source>Results (*.json)</source>
        <translation>결과 (*.json)</translation>
    </message>
</context>
<context>
    <name>DiagramView</name>
    <message>
        <source>Fit to window (F)</source>
        <translation>창에 맞추기 (F)</translation>
    </message>
    <message>
        <source>Expand all groups</source>
        <translation>모든 그룹 펼치기</translation>
    </message>
    <message>
        <source>Collapse all groups</source>
        <translation>모든 그룹 접기</translation>
    </message>
    <message>
        <source>Export PNG at {scale}×…</source>
        <translation>PNG로 내보내기 ({scale}×)…</translation>
    </message>
    <message>
        <source>Transparent background</source>
        <translation>투명한 배경</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>SVG로 내보내기…</translation>
    </message>
    <message>
        <source>Export the diagram</source>
        <translation>다이어그램 내보내기</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 그림 (*.svg)</translation>
    </message>
    <message>
        <source>input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>conv</source>
        <translation>conv</translation>
    </message>
    <message>
        <source>max pool</source>
        <translation>max pool</translation>
    </message>
    <message>
        <source>avg pool</source>
        <translation>avg pool</translation>
    </message>
    <message>
        <source>global avg pool</source>
        <translation>전역 avg pool</translation>
    </message>
    <message>
        <source>global max pool</source>
        <translation>global max pool</translation>
    </message>
    <message>
        <source>fc</source>
        <translation>FC</translation>
    </message>
    <message>
        <source>flatten</source>
        <translation>평탄화</translation>
    </message>
    <message>
        <source>concat</source>
        <translation>concat</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>드롭아웃</translation>
    </message>
    <message>
        <source>stage {n}</source>
        <translation>{n}단계</translation>
    </message>
    <message>
        <source>{n} blocks</source>
        <translation>블록 {n}개</translation>
    </message>
    <message>
        <source>{n} layers</source>
        <translation>층 {n}개</translation>
    </message>
    <message>
        <source>block {n}</source>
        <translation>블록 {n}</translation>
    </message>
    <message>
        <source>{n} branches</source>
        <translation>분기 {n}개</translation>
    </message>
    <message>
        <source>features</source>
        <translation>특징 추출부</translation>
    </message>
    <message>
        <source>classifier</source>
        <translation>분류기</translation>
    </message>
    <message>
        <source>convolution</source>
        <translation>합성곱</translation>
    </message>
    <message>
        <source>pooling</source>
        <translation>풀링</translation>
    </message>
    <message>
        <source>fully connected</source>
        <translation>완전 연결</translation>
    </message>
    <message>
        <source>normalization</source>
        <translation>정규화</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>활성화</translation>
    </message>
    <message>
        <source>concatenation</source>
        <translation>연결 (concat)</translation>
    </message>
    <message>
        <source>addition</source>
        <translation>덧셈</translation>
    </message>
    <message>
        <source>group (click)</source>
        <translation>그룹 (클릭)</translation>
    </message>
    <message>
        <source>other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>identity shortcut</source>
        <translation>항등 스킵 연결</translation>
    </message>
    <message>
        <source>shortcut, zero-padded</source>
        <translation>스킵 연결 (0으로 채움)</translation>
    </message>
    <message>
        <source>projection shortcut (1×1 conv)</source>
        <translation>프로젝션 스킵 연결 (1×1 conv)</translation>
    </message>
    <message>
        <source>data flow</source>
        <translation>데이터 흐름</translation>
    </message>
    <message>
        <source>Layer (paper)</source>
        <translation>층 (논문)</translation>
    </message>
    <message>
        <source>Module (torch)</source>
        <translation>모듈 (torch)</translation>
    </message>
    <message>
        <source>{layers} conv + dense modules · {params} parameters · {macs} multiply-adds</source>
        <translation>합성곱·완전 연결 모듈 {layers}개 · 변수 {params}개 · 곱셈-덧셈 {macs}회</translation>
    </message>
    <message>
        <source>cannot write {path}: its folder is not writable</source>
        <translation>{path}에 쓸 수 없습니다: 그 폴더에 쓰기 권한이 없습니다</translation>
    </message>
    <message>
        <source>the image would be {width}×{height} pixels; choose a smaller scale</source>
        <translation>이미지가 {width}×{height} 픽셀이 됩니다. 더 작은 배율을 고르세요</translation>
    </message>
    <message>
        <source>could not write {path}</source>
        <translation>{path}에 쓰지 못했습니다</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>연산</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>커널</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>스트라이드</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>패딩</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>그룹 수</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>변수</translation>
    </message>
    <message>
        <source>Trainable</source>
        <translation>훈련되는 변수</translation>
    </message>
    <message>
        <source>Multiply-adds</source>
        <translation>곱셈-덧셈</translation>
    </message>
    <message>
        <source>Click to expand.</source>
        <translation>클릭하면 펼칩니다.</translation>
    </message>
    <message>
        <source>Click the title to collapse.</source>
        <translation>제목을 클릭하면 접습니다.</translation>
    </message>
</context>
<context>
    <name>ExperimentView</name>
    <message>
        <source>not reached</source>
        <translation>도달하지 못함</translation>
    </message>
    <message>
        <source>({measured} of {seeds} seeds)</source>
        <translation>(시드 {seeds}개 중 {measured}개)</translation>
    </message>
    <message>
        <source>{file} is a result of the experiment “{other}”, not of this one.</source>
        <translation>{file}은(는) 이 실험이 아니라 “{other}” 실험의 결과입니다.</translation>
    </message>
    <message>
        <source>The runs are under way: the sentence that sums them up comes when they end.</source>
        <translation>실행 중입니다. 결과를 요약하는 문장은 실행이 끝나면 나타납니다.</translation>
    </message>
    <message>
        <source>This result lacks what its summary needs ({error}).</source>
        <translation>이 결과에는 요약에 필요한 값이 빠져 있습니다({error}).</translation>
    </message>
    <message>
        <source>No result is shipped for this experiment yet (`make experiments` makes it): press Run to make one.</source>
        <translation>이 실험은 아직 함께 제공되는 결과가 없습니다(`make experiments`로 만듭니다). 실행을 눌러 결과를 만드세요.</translation>
    </message>
    <message>
        <source>Repetitions</source>
        <translation>반복 횟수</translation>
    </message>
    <message>
        <source>Steps per run</source>
        <translation>실행당 스텝</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>{seeds} seeds × {steps} repetitions, on {device}</source>
        <translation>시드 {seeds}개 × {steps}회 반복, {device}에서</translation>
    </message>
    <message>
        <source>{data}, {seeds} seeds × {steps} steps of {batch} images, on {device}</source>
        <translation>{data}, 시드 {seeds}개 × {batch}장씩 {steps} 스텝, {device}에서</translation>
    </message>
    <message>
        <source>Running: {what}.</source>
        <translation>실행 중: {what}.</translation>
    </message>
    <message>
        <source>Shipped result: {what}; made by `make experiments`.</source>
        <translation>함께 제공되는 결과: {what}. `make experiments`로 만들었습니다.</translation>
    </message>
    <message>
        <source>Stopped; the partial result is saved in {name} ({what}).</source>
        <translation>중지됨. 중간 결과가 {name}에 저장되었습니다({what}).</translation>
    </message>
    <message>
        <source>Saved in {path} ({what}).</source>
        <translation>{path}에 저장되었습니다({what}).</translation>
    </message>
    <message>
        <source>Result {name}: {what}.</source>
        <translation>결과 {name}: {what}.</translation>
    </message>
    <message>
        <source>handwritten digits</source>
        <translation>손글씨 숫자</translation>
    </message>
    <message>
        <source>A new run</source>
        <translation>새로 실행</translation>
    </message>
    <message>
        <source>Seeds per variant</source>
        <translation>비교 대상마다 시드</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>digits</source>
        <translation>손글씨 숫자</translation>
    </message>
    <message>
        <source>{data} (not here)</source>
        <translation>{data}(이 컴퓨터에 없음)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Open a saved result…</source>
        <translation>저장된 결과 열기…</translation>
    </message>
    <message>
        <source>Bars:</source>
        <translation>막대:</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>비교 대상</translation>
    </message>
    <message>
        <source>Curves: the mean of {seeds} seeds, shaded from the lowest to the highest. Bars and table: the mean, ± half the range over the seeds.</source>
        <translation>곡선: 시드 {seeds}개의 평균이며, 음영은 가장 낮은 값부터 가장 높은 값까지입니다. 막대와 표: 평균 ± 시드 사이 범위의 절반.</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Open an experiment&apos;s result</source>
        <translation>실험 결과 열기</translation>
    </message>
    <message>
        <source>Results (*.json)</source>
        <translation>결과 (*.json)</translation>
    </message>
</context>
<context>
    <name>ExperimentsTab</name>
    <message>
        <source>Experiments</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>실험</translation>
    </message>
</context>
<context>
    <name>FeatureMapView</name>
    <message>
        <source>Skipped (not images): {names}</source>
        <translation>건너뜀 (이미지 아님): {names}</translation>
    </message>
    <message>
        <source>Nothing to show: none of these is an image file.</source>
        <translation>보여 줄 것이 없습니다: 이미지 파일이 하나도 없습니다.</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>클립보드에 이미지가 없습니다.</translation>
    </message>
    <message>
        <source>Pasted image</source>
        <translation>붙여 넣은 이미지</translation>
    </message>
    <message>
        <source>The weights could not be downloaded: {reason}</source>
        <translation>가중치를 내려받지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>이미지 열기</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation>이미지 ({patterns})</translation>
    </message>
    <message>
        <source>Load weights</source>
        <translation>가중치 불러오기</translation>
    </message>
    <message>
        <source>PyTorch weights (*.pt *.pth *.ckpt *.bin);;All files (*)</source>
        <translation>PyTorch 가중치 (*.pt *.pth *.ckpt *.bin);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Map {channel} of {count} in {layer}</source>
        <translation>{layer}의 맵 {count}개 중 {channel}번째</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>처리 중…</translation>
    </message>
    <message>
        <source>Download torchvision&apos;s ImageNet weights into this computer&apos;s torch cache (needs the internet once)</source>
        <translation>torchvision의 ImageNet 가중치를 이 컴퓨터의 torch 캐시에 내려받습니다 (인터넷은 한 번만 필요)</translation>
    </message>
    <message>
        <source>Load weights file…</source>
        <translation>가중치 파일 불러오기…</translation>
    </message>
    <message>
        <source>Use default weights</source>
        <translation>기본 가중치 사용</translation>
    </message>
    <message>
        <source>What the network sees</source>
        <translation>네트워크가 보는 입력</translation>
    </message>
    <message>
        <source>Selected map</source>
        <translation>선택한 특징 맵</translation>
    </message>
    <message>
        <source>Grad-CAM overlay</source>
        <translation>Grad-CAM 겹쳐 보기</translation>
    </message>
    <message>
        <source>Show normalised values</source>
        <translation>정규화된 값 보기</translation>
    </message>
    <message>
        <source>{model} takes {channels} feature maps, not an image: pick a whole network to see an image flow through it.</source>
        <translation>{model}은(는) 이미지가 아니라 특징 맵 {channels}개를 입력으로 받습니다: 이미지가 흘러가는 모습을 보려면 전체 네트워크를 고르세요.</translation>
    </message>
    <message>
        <source>Click a pixel of a map: the input pixels that unit sees are drawn on the image.</source>
        <translation>맵의 픽셀을 클릭하세요: 그 유닛이 보는 입력 픽셀이 이미지 위에 그려집니다.</translation>
    </message>
    <message>
        <source>Unit ({channel}, {y}, {x}) of {layer}, value {value}.</source>
        <translation>{layer}의 유닛 ({channel}, {y}, {x}), 값 {value}.</translation>
    </message>
    <message>
        <source>Theoretical receptive field (box): {size} pixels, {inside} of them inside the {image} image.</source>
        <translation>이론적 수용 영역 (상자): {size} 픽셀, 그중 {image} 이미지 안에 있는 부분은 {inside}.</translation>
    </message>
    <message>
        <source>Effective receptive field (colour): how strongly each pixel moves the unit, |∂unit/∂pixel| (square root).</source>
        <translation>유효 수용 영역 (색): 각 픽셀이 유닛을 얼마나 크게 움직이는지, |∂유닛/∂픽셀| (제곱근).</translation>
    </message>
    <message>
        <source>No input pixel moves this unit here (a ReLU has cut it to 0), so its effective receptive field is empty: click a brighter unit.</source>
        <translation>여기서는 어떤 입력 픽셀도 이 유닛을 움직이지 못합니다 (ReLU가 0으로 잘랐습니다). 그래서 유효 수용 영역이 비어 있습니다: 더 밝은 유닛을 클릭하세요.</translation>
    </message>
    <message>
        <source>Prepare for class…</source>
        <translation>수업 준비…</translation>
    </message>
    <message>
        <source>Which pages show trained weights, and fetching all of them at once</source>
        <translation>어느 페이지가 훈련된 가중치를 보여 주는지 확인하고, 한 번에 모두 받기</translation>
    </message>
    <message>
        <source>Receptive field of the clicked unit</source>
        <translation>클릭한 유닛의 수용 영역</translation>
    </message>
    <message>
        <source>Top 5 and filters</source>
        <translation>상위 5개와 필터</translation>
    </message>
    <message>
        <source>One unit, computed</source>
        <translation>유닛 하나의 계산</translation>
    </message>
    <message>
        <source>Top 5 (click one for its Grad-CAM)</source>
        <translation>상위 5개 (클릭하면 그 클래스의 Grad-CAM)</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Each map on its own scale</source>
        <translation>맵마다 각자의 범위로</translation>
    </message>
    <message>
        <source>One scale for the whole layer</source>
        <translation>층 전체를 한 범위로</translation>
    </message>
    <message>
        <source>Drop an image anywhere on the window, open one, paste one, or click a sample below.</source>
        <translation>창 아무 곳에나 이미지를 끌어다 놓거나, 열거나, 붙여 넣거나, 아래의 예시를 클릭하세요.</translation>
    </message>
    <message>
        <source>Drawing</source>
        <translation>그린 숫자</translation>
    </message>
    <message>
        <source>Drawing {number}</source>
        <translation>그린 숫자 {number}</translation>
    </message>
    <message>
        <source>Frozen on the current frame; choose a source under Live to go on.</source>
        <translation>현재 프레임에서 멈췄습니다. 계속하려면 [실시간]에서 입력을 고르세요.</translation>
    </message>
    <message>
        <source>its maps come with the next frame</source>
        <translation>이 층의 맵은 다음 프레임과 함께 온다</translation>
    </message>
    <message>
        <source>Live: every frame brings the maps of the layer on screen and the top-5; Grad-CAM is redone about once a second. Freeze the frame (Space) for every layer, Grad-CAM and occlusion of it.</source>
        <translation>실시간: 프레임마다 화면의 층의 맵과 top-5가 오고, Grad-CAM은 약 1초에 한 번 다시 계산한다. 프레임을 멈추면(Space) 그 프레임의 모든 층, Grad-CAM, 가림 민감도를 볼 수 있다.</translation>
    </message>
    <message>
        <source>Made like MNIST&apos;s digits (the weights were trained on MNIST): the drawing is scaled to fit a 20×20 box, its aspect kept, and placed in 28×28 with its centre of mass at the centre.</source>
        <translation>MNIST 숫자와 같은 방식으로 만듭니다(이 가중치는 MNIST로 훈련되었습니다): 그림을 가로세로 비율을 유지한 채 20×20 상자에 맞추고, 무게 중심이 가운데에 오도록 28×28 안에 놓습니다.</translation>
    </message>
    <message>
        <source>Frame {number}</source>
        <translation>프레임 {number}</translation>
    </message>
    <message>
        <source>Camera {index}</source>
        <translation>카메라 {index}</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>카메라를 찾지 못했습니다</translation>
    </message>
    <message>
        <source>The live source has no more frames (the video ended, or the camera stopped sending pictures: unplugged?). The last frame stays.</source>
        <translation>실시간 입력에 더 이상 프레임이 없습니다(동영상이 끝났거나 카메라가 영상을 보내지 않습니다: 연결이 끊겼나요?). 마지막 프레임이 남아 있습니다.</translation>
    </message>
    <message>
        <source>Open a video</source>
        <translation>동영상 열기</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.avi *.mov *.mkv *.webm);;All files (*)</source>
        <translation>동영상 (*.mp4 *.avi *.mov *.mkv *.webm);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Live frame</source>
        <translation>실시간 프레임</translation>
    </message>
    <message>
        <source>Draw a digit on the black pad: the network reads it while you draw.</source>
        <translation>검은 패드에 숫자를 그리세요: 그리는 동안 네트워크가 읽습니다.</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>숫자 그리기</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>실시간</translation>
    </message>
    <message>
        <source>Feature maps of a camera or a video, frame by frame</source>
        <translation>카메라나 동영상의 특징 맵을 프레임마다</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>카메라</translation>
    </message>
    <message>
        <source>Video file…</source>
        <translation>동영상 파일…</translation>
    </message>
    <message>
        <source>Freeze the frame</source>
        <translation>프레임 멈추기</translation>
    </message>
    <message>
        <source>Add the frame to the images</source>
        <translation>프레임을 이미지에 추가</translation>
    </message>
    <message>
        <source>Digit mode: a digit on paper, cropped and made like the training digits (one-channel models)</source>
        <translation>숫자 모드: 종이에 쓴 숫자를 잘라 훈련 숫자와 같은 방식으로 만듭니다(1채널 모델)</translation>
    </message>
    <message>
        <source>A pad to draw a digit on with the mouse, a pen or a finger</source>
        <translation>마우스, 펜, 손가락으로 숫자를 그리는 패드</translation>
    </message>
    <message>
        <source>Your drawing</source>
        <translation>그린 그림</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Add to images</source>
        <translation>이미지에 추가</translation>
    </message>
    <message>
        <source>Made like the training digits: the drawing is scaled to fill a 32×32 bitmap, the ink of each 4×4 block counted (0 to 16), and the 8×8 counts enlarged to the network&apos;s input.</source>
        <translation>훈련 숫자와 같은 방식으로 만듭니다: 그림을 32×32 비트맵에 꽉 차게 확대·축소하고, 4×4 블록마다 잉크 픽셀을 세어(0~16) 그 8×8 값을 네트워크 입력 크기로 키웁니다.</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>Open images…</source>
        <translation>이미지 열기…</translation>
    </message>
    <message>
        <source>Paste image</source>
        <translation>이미지 붙여 넣기</translation>
    </message>
    <message>
        <source>First-layer filters</source>
        <translation>첫 층의 필터</translation>
    </message>
    <message>
        <source>First-layer filters: {count} of {size}</source>
        <translation>첫 층의 필터: {size} 필터 {count}개</translation>
    </message>
    <message>
        <source>Grad-CAM overlay: where the image speaks for “{name}”</source>
        <translation>Grad-CAM 겹쳐 보기: 이미지에서 “{name}”의 근거가 되는 곳</translation>
    </message>
    <message>
        <source>Occlusion overlay: where covering the image lowers “{name}”</source>
        <translation>가림 민감도 겹쳐 보기: 이미지를 가리면 “{name}”의 확률이 떨어지는 곳</translation>
    </message>
    <message>
        <source>Occlusion overlay</source>
        <translation>가림 민감도 겹쳐 보기</translation>
    </message>
    <message>
        <source>Occlusion: computing…</source>
        <translation>가림 민감도: 계산하는 중…</translation>
    </message>
    <message>
        <source>Occlusion (Zeiler and Fergus, 2014): a {patch}×{patch} grey square slides over the image in steps of {stride} pixels; the colour is the drop of the class&apos;s probability where it covers, from none to the largest drop. It needs no gradient and holds for any activation.</source>
        <translation>가림 민감도 (Zeiler와 Fergus, 2014): {patch}×{patch} 회색 사각형을 {stride}픽셀씩 옮기며 이미지를 가린다. 색은 그곳을 가렸을 때 클래스 확률이 떨어진 정도로, 떨어지지 않음부터 가장 크게 떨어짐까지이다. 기울기가 필요 없고 어떤 활성화 함수에도 들어맞는다.</translation>
    </message>
    <message>
        <source>Grad-CAM at {layer}, scaled from its weakest cell (no colour) to its strongest (full colour).</source>
        <translation>{layer}에서 계산한 Grad-CAM으로, 가장 약한 칸(색 없음)부터 가장 강한 칸(가장 진한 색)까지로 맞췄다.</translation>
    </message>
    <message>
        <source>This network&apos;s units are {activation}: their activations are signed, and the background carries values as large as the strokes. Grad-CAM assumes non-negative (ReLU) activations, so here it lights the background beside the strokes; the occlusion overlay does not depend on the activation.</source>
        <translation>이 네트워크의 유닛은 {activation}이다. 활성값에 부호가 있어서 배경에도 획만큼 큰 값이 실린다. Grad-CAM은 음이 아닌 (ReLU) 활성값을 가정하므로 여기서는 획 옆의 배경까지 밝힌다. 가림 민감도 겹쳐 보기는 활성화 함수에 기대지 않는다.</translation>
    </message>
    <message>
        <source>{index} of {last}: {name} ({op}), output {shape}</source>
        <translation>{index} / {last}: {name} ({op}), 출력 {shape}</translation>
    </message>
    <message>
        <source>first {shown} of {count} maps</source>
        <translation>맵 {count}개 중 처음 {shown}개</translation>
    </message>
    <message>
        <source>{count} values, laid out row by row</source>
        <translation>값 {count}개를 한 줄씩 배치</translation>
    </message>
    <message>
        <source>{name}, {width}×{height} → {size} after resize and centre crop</source>
        <translation>{name}, {width}×{height} → 크기 조정과 가운데 자르기 후 {size}</translation>
    </message>
    <message>
        <source>normalised: mean {mean}, std {std}</source>
        <translation>정규화: 평균 {mean}, 표준편차 {std}</translation>
    </message>
    <message>
        <source>inverted to light strokes on dark, as the network was trained</source>
        <translation>네트워크가 훈련한 대로 어두운 바탕의 밝은 획으로 반전함</translation>
    </message>
    <message>
        <source>Show {model}</source>
        <translation>{model} 보기</translation>
    </message>
    <message>
        <source>Downloading the weights of {model}: {done} of {total} MB…</source>
        <translation>{model}의 가중치를 내려받는 중: {total} MB 중 {done} MB…</translation>
    </message>
    <message>
        <source>Loading {model}…</source>
        <translation>{model} 불러오는 중…</translation>
    </message>
    <message>
        <source>Download weights ({size} MB)</source>
        <translation>가중치 내려받기 ({size} MB)</translation>
    </message>
    <message>
        <source>Trained weights that ship with the app ({detail}).</source>
        <translation>앱에 포함된 훈련된 가중치 ({detail}).</translation>
    </message>
    <message>
        <source>torchvision&apos;s ImageNet weights ({detail}), from this computer&apos;s torch cache.</source>
        <translation>이 컴퓨터의 torch 캐시에 있는 torchvision ImageNet 가중치 ({detail}).</translation>
    </message>
    <message>
        <source>Weights from {path}.</source>
        <translation>{path}의 가중치.</translation>
    </message>
    <message>
        <source>Random weights: no trained weights for {model} are on this computer, so its guesses below mean nothing. The maps show what untrained filters do.</source>
        <translation>무작위 가중치: 이 컴퓨터에 {model}의 훈련된 가중치가 없어서 아래 예측은 의미가 없습니다. 특징 맵은 훈련되지 않은 필터가 하는 일을 보여 줍니다.</translation>
    </message>
    <message>
        <source>No trained weights exist for {model}: none were ever published in a form torch can load, so its guesses below mean nothing and the maps show what untrained filters do. {other} has ImageNet weights from torchvision.</source>
        <translation>{model}의 훈련된 가중치는 없다. torch가 읽을 수 있는 형태로 공개된 적이 없어서 아래의 예측은 의미가 없고, 맵은 훈련되지 않은 필터가 하는 일을 보여 준다. {other}에는 torchvision의 ImageNet 가중치가 있다.</translation>
    </message>
    <message>
        <source>Download them once (online) to see real predictions, or load a weights file.</source>
        <translation>실제 예측을 보려면 (온라인에서) 한 번 내려받거나 가중치 파일을 불러오세요.</translation>
    </message>
    <message>
        <source>Problem: {problem}</source>
        <translation>문제: {problem}</translation>
    </message>
</context>
<context>
    <name>InceptionView</name>
    <message>
        <source>Inception: every filter size at once</source>
        <translation>Inception: 모든 필터 크기를 한꺼번에</translation>
    </message>
    <message>
        <source>Q. Why choose between 1×1, 3×3, 5×5 and pooling? Apply them all side by side and let the network learn the mix. What does that cost, and how do 1×1 reductions fix it?</source>
        <translation>Q. 1×1, 3×3, 5×5, 풀링 중 무엇을 쓸지 꼭 골라야 할까? 전부 나란히 적용하고 조합은 네트워크가 스스로 학습하게 하자. 그 계산 비용은 얼마이고, 1×1 축소는 이를 어떻게 해결할까?</translation>
    </message>
    <message>
        <source>Module:</source>
        <translation>모듈:</translation>
    </message>
    <message>
        <source>Inception {0} ({1} in)</source>
        <translation>Inception {0} (입력 {1})</translation>
    </message>
    <message>
        <source>With 1×1 reductions</source>
        <translation>1×1 축소 사용</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>가지</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Output channels</source>
        <translation>출력 채널</translation>
    </message>
    <message>
        <source>Multiplications</source>
        <translation>곱셈</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>변수</translation>
    </message>
    <message>
        <source>Channel numbers and input sizes are read from torchvision&apos;s GoogLeNet; every figure is measured by the layer analysis on modules built with the paper&apos;s 5×5 filters (torchvision&apos;s GoogLeNet uses 3×3 in that branch, a known quirk kept for its published weights). Pooling and ReLU cost no multiplications.</source>
        <translation>채널 수와 입력 크기는 torchvision의 GoogLeNet에서 읽었고, 모든 수치는 논문의 5×5 필터로 만든 모듈을 층 분석으로 측정한 값이다 (torchvision의 GoogLeNet은 공개 가중치와 맞추려고 이 가지에 3×3을 쓰는 알려진 특이점이 있다). 풀링과 ReLU에는 곱셈이 없다.</translation>
    </message>
    <message>
        <source>Naive</source>
        <translation>기본형(naive)</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>풀링</translation>
    </message>
    <message>
        <source>{0}×{0} max pool</source>
        <translation>{0}×{0} 최대 풀링</translation>
    </message>
    <message>
        <source>{0}×{0} conv {1}</source>
        <translation>{0}×{0} 합성곱 {1}</translation>
    </message>
    <message>
        <source>Previous layer</source>
        <translation>이전 층</translation>
    </message>
    <message>
        <source>Concatenation</source>
        <translation>연결(concat)</translation>
    </message>
    <message>
        <source>{0}×{0} conv</source>
        <translation>{0}×{0} 합성곱</translation>
    </message>
    <message>
        <source>Measuring GoogLeNet&apos;s Inception modules…</source>
        <translation>GoogLeNet의 Inception 모듈을 측정하는 중…</translation>
    </message>
    <message>
        <source>concatenated: {0}</source>
        <translation>연결 결과: {0}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>Output {0}: {1} multiply-adds, {2} parameters</source>
        <translation>출력 {0}: 곱셈-덧셈 {1}회, 변수 {2}개</translation>
    </message>
    <message>
        <source>1×1 reductions: {0} → {1} multiply-adds ({2} fewer), {3} → {4} parameters</source>
        <translation>1×1 축소: 곱셈-덧셈 {0} → {1} ({2} 적음), 변수 {3} → {4}</translation>
    </message>
    <message>
        <source>Multiplications per branch</source>
        <translation>가지별 곱셈 수</translation>
    </message>
</context>
<context>
    <name>LayerDetailsView</name>
    <message>
        <source>Select a layer in the diagram or the table to see its numbers worked out.</source>
        <translation>다이어그램이나 표에서 층을 고르면 그 층의 숫자를 계산 과정과 함께 보여 줍니다.</translation>
    </message>
    <message>
        <source>Output size</source>
        <translation>출력 크기</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>변수</translation>
    </message>
    <message>
        <source>Multiply-adds</source>
        <translation>곱셈-덧셈</translation>
    </message>
    <message>
        <source>height</source>
        <translation>높이</translation>
    </message>
    <message>
        <source>width</source>
        <translation>너비</translation>
    </message>
    <message>
        <source>(no bias)</source>
        <translation>(편향 없음)</translation>
    </message>
    <message>
        <source>(scale and shift)</source>
        <translation>(스케일과 시프트)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>none counted (element-wise)</source>
        <translation>세지 않음 (원소별 연산)</translation>
    </message>
</context>
<context>
    <name>LayerTableModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Layer (paper)</source>
        <translation>층 (논문)</translation>
    </message>
    <message>
        <source>Module (torch)</source>
        <translation>모듈 (torch)</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>출력 크기</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>커널</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>변수</translation>
    </message>
    <message>
        <source>Multiply-adds</source>
        <translation>곱셈-덧셈</translation>
    </message>
    <message>
        <source>Receptive field</source>
        <translation>수용 영역</translation>
    </message>
    <message>
        <source>Receptive field: {size} input pixels (everything the units before it see).</source>
        <translation>수용 영역: 입력 픽셀 {size} (앞 층의 모든 유닛이 보는 영역 전체).</translation>
    </message>
    <message>
        <source>Receptive field: {size} pixels, units {jump} pixels apart, the first starting at {start}.</source>
        <translation>수용 영역: {size} 픽셀, 이웃한 유닛 사이 간격 {jump} 픽셀, 첫 유닛은 {start}에서 시작.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Only local files and folders can be dropped.</source>
        <translation>이 컴퓨터의 파일과 폴더만 놓을 수 있습니다.</translation>
    </message>
    <message>
        <source>CNN Casebook</source>
        <translation>CNN Casebook</translation>
    </message>
    <message>
        <source>(+{count} more)</source>
        <translation>(외 {count}개)</translation>
    </message>
    <message>
        <source>Dropped: {names}</source>
        <translation>놓은 파일: {names}</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>이미지 열기</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp *.bmp *.tif *.tiff);;All files (*)</source>
        <translation>이미지 (*.png *.jpg *.jpeg *.gif *.webp *.bmp *.tif *.tiff);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>About CNN Casebook</source>
        <translation>CNN Casebook 정보</translation>
    </message>
    <message>
        <source>CNN Casebook teaches the classic convolutional networks: LeNet-5, AlexNet, VGG-16, ResNet, 1×1 convolutions and Inception. Every figure it shows is measured on the real model.</source>
        <translation>CNN Casebook은 고전 합성곱 신경망(LeNet-5, AlexNet, VGG-16, ResNet, 1×1 합성곱, Inception)을 가르칩니다. 화면의 모든 수치는 실제 모델에서 측정한 값입니다.</translation>
    </message>
    <message>
        <source>Case studies</source>
        <translation>케이스 스터디</translation>
    </message>
    <message>
        <source>LeNet-5</source>
        <translation>LeNet-5</translation>
    </message>
    <message>
        <source>AlexNet</source>
        <translation>AlexNet</translation>
    </message>
    <message>
        <source>VGG-16</source>
        <translation>VGG-16</translation>
    </message>
    <message>
        <source>ResNet</source>
        <translation>ResNet</translation>
    </message>
    <message>
        <source>1×1 convolution</source>
        <translation>1×1 합성곱</translation>
    </message>
    <message>
        <source>Inception</source>
        <translation>Inception</translation>
    </message>
    <message>
        <source>Transfer learning</source>
        <translation>전이 학습</translation>
    </message>
    <message>
        <source>Data augmentation</source>
        <translation>데이터 증강</translation>
    </message>
    <message>
        <source>Data sets</source>
        <translation>데이터 세트</translation>
    </message>
    <message>
        <source>Average pooling · a sigmoid-shaped activation (tanh; the paper scales it) · few parameters</source>
        <translation>AVG POOL · 시그모이드 모양의 활성화 함수 (tanh; 논문은 크기를 조정한 tanh) · 적은 변수 개수</translation>
    </message>
    <message>
        <source>Max pooling · ReLU activation · many parameters</source>
        <translation>MAX POOL · 활성화 함수 → ReLU · 많은 변수 개수</translation>
    </message>
    <message>
        <source>2×2 max pooling with stride 2 · channels double at every stage · many parameters to train</source>
        <translation>MAX POOL 2×2, Stride = 2 · 채널 수 2배씩 증가 · 훈련시킬 변수가 많음</translation>
    </message>
    <message>
        <source>Q. Why, in practice, does the error grow as layers are stacked?</source>
        <translation>Q. 왜 실제에서 layers가 쌓이면서 error가 커질까?</translation>
    </message>
    <message>
        <source>A 1×1 convolution reduces the number of channels and adds non-linearity.</source>
        <translation>1×1 합성곱으로 채널 수를 줄이고 비선형성을 더할 수 있다.</translation>
    </message>
    <message>
        <source>Don&apos;t choose a filter size or pooling: apply them all and let the network learn the combination.</source>
        <translation>필터 크기나 풀링을 정하지 않고 전부 적용해서, 변수와 필터 크기의 조합을 네트워크가 스스로 학습한다.</translation>
    </message>
    <message>
        <source>Diagram and layers</source>
        <translation>구조도와 층</translation>
    </message>
    <message>
        <source>Plain vs residual</source>
        <translation>Plain 대 Residual</translation>
    </message>
    <message>
        <source>Inception module</source>
        <translation>Inception 모듈</translation>
    </message>
    <message>
        <source>Cost of a 1×1 bottleneck</source>
        <translation>1×1 병목의 계산 비용</translation>
    </message>
    <message>
        <source>The methods</source>
        <translation>증강 방법</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Open images…</source>
        <translation>이미지 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation>이미지 붙여 넣기(&amp;P)</translation>
    </message>
    <message>
        <source>Prepare for &amp;class…</source>
        <translation>수업 준비(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>Previous section (Page Up)</source>
        <translation>이전 단원 (Page Up)</translation>
    </message>
    <message>
        <source>Next section (Page Down)</source>
        <translation>다음 단원 (Page Down)</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>전체 화면</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>훈련</translation>
    </message>
    <message>
        <source>Training panel</source>
        <translation>훈련 패널</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>엔진(&amp;E)</translation>
    </message>
    <message>
        <source>Compute device</source>
        <translation>연산 장치</translation>
    </message>
    <message>
        <source>Automatic (CUDA, then MPS, then CPU)</source>
        <translation>자동 (CUDA → MPS → CPU)</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>Apple MPS</source>
        <translation>Apple MPS</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About CNN Casebook</source>
        <translation>CNN Casebook 정보(&amp;A)</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>시작 중</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>working</source>
        <translation>작업 중</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>Engine: {state}</source>
        <translation>엔진: {state}</translation>
    </message>
    <message>
        <source>Device: detecting…</source>
        <translation>장치: 확인 중…</translation>
    </message>
    <message>
        <source>Device: CPU</source>
        <translation>장치: CPU</translation>
    </message>
    <message>
        <source>Device: {name}</source>
        <translation>장치: {name}</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>확대</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>축소</translation>
    </message>
    <message>
        <source>Actual size (100 %)</source>
        <translation>실제 크기 (100 %)</translation>
    </message>
    <message>
        <source>Zoom: {percent} %</source>
        <translation>배율: {percent} %</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>발표 모드</translation>
    </message>
    <message>
        <source>Q. Why study many different cases?</source>
        <translation>Q. 다양한 케이스를 알아야 하는 이유는?</translation>
    </message>
    <message>
        <source>Classic networks are case studies: their ideas are reused in every new design. Point to the year, the depth and the parameter counts in the table.</source>
        <translation>고전 네트워크는 케이스 스터디다: 그 아이디어가 새 설계마다 다시 쓰인다. 표의 연도, 깊이, 변수 수를 짚어 준다.</translation>
    </message>
    <message>
        <source>Convolution, average pooling, convolution, pooling, then fully connected layers: height and width shrink while the channels grow.</source>
        <translation>합성곱, 평균 풀링, 합성곱, 풀링, 그다음 FC 층: 높이와 너비는 줄고 채널은 는다.</translation>
    </message>
    <message>
        <source>Same pattern as LeNet-5, much larger: ReLU, max pooling, many parameters. Show where the cost goes.</source>
        <translation>LeNet-5와 같은 패턴을 훨씬 크게: ReLU, 최대 풀링, 많은 변수. 계산 비용이 어디에 드는지 보여 준다.</translation>
    </message>
    <message>
        <source>Only 3×3 convolutions and 2×2 max pooling; the channels double at every stage. A simple rule, many parameters.</source>
        <translation>3×3 합성곱과 2×2 최대 풀링만 쓴다; 단계마다 채널이 두 배가 된다. 규칙은 단순하고 변수는 많다.</translation>
    </message>
    <message>
        <source>A plain network gets worse as it gets deeper; a shortcut lets a block learn only the residual. Show the plain against residual tab.</source>
        <translation>Plain 네트워크는 깊어질수록 나빠진다; 스킵 연결이 있으면 블록은 residual만 배우면 된다. Plain 대 Residual 탭을 보여 준다.</translation>
    </message>
    <message>
        <source>A 1×1 convolution is a small fully connected layer at each pixel: it changes the number of channels and adds a ReLU.</source>
        <translation>1×1 합성곱은 픽셀마다 있는 작은 FC 층이다: 채널 수를 바꾸고 ReLU를 더한다.</translation>
    </message>
    <message>
        <source>Apply every filter size and pooling side by side and concatenate; 1×1 bottlenecks keep the cost down.</source>
        <translation>모든 필터 크기와 풀링을 나란히 적용하고 이어 붙인다; 1×1 병목이 계산 비용을 낮춘다.</translation>
    </message>
    <message>
        <source>Start from weights trained on ImageNet: with little data freeze more layers, with more data train more of them.</source>
        <translation>ImageNet으로 훈련한 가중치에서 시작한다: 데이터가 적으면 더 많은 층을 고정(freeze)하고, 많으면 더 많은 층을 훈련한다.</translation>
    </message>
    <message>
        <source>Mirroring, cropping, rotation, colour shifts: more training images from the ones you have.</source>
        <translation>좌우 반전, 자르기, 회전, 색 변화: 가진 이미지로 더 많은 훈련 이미지를 만든다.</translation>
    </message>
    <message>
        <source>The data sets of the lecture and their sizes: what the networks were trained on.</source>
        <translation>강의의 데이터 세트와 그 크기: 네트워크들이 무엇으로 훈련되었는가.</translation>
    </message>
</context>
<context>
    <name>ModelPageView</name>
    <message>
        <source>Feature maps</source>
        <translation>특징 맵</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>모델:</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>구조</translation>
    </message>
    <message>
        <source>Where the cost goes</source>
        <translation>계산 비용은 어디에 드는가</translation>
    </message>
    <message>
        <source>Receptive field</source>
        <translation>수용 영역</translation>
    </message>
    <message>
        <source>without shortcuts</source>
        <translation>스킵 연결 없음</translation>
    </message>
    <message>
        <source>with shortcuts</source>
        <translation>스킵 연결 있음</translation>
    </message>
    <message>
        <source>Loading the model zoo…</source>
        <translation>모델 목록을 불러오는 중…</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Depth (paper)</source>
        <translation>깊이 (논문)</translation>
    </message>
    <message>
        <source>Conv + dense modules</source>
        <translation>합성곱·완전 연결 모듈</translation>
    </message>
    <message>
        <source>ImageNet top-1 (torchvision, 1 crop)</source>
        <translation>ImageNet top-1 정확도 (torchvision, 크롭 1개)</translation>
    </message>
    <message>
        <source>… with torchvision&apos;s {version} weights</source>
        <translation>… torchvision의 {version} 가중치로는</translation>
    </message>
    <message>
        <source>ImageNet {metric} in the paper</source>
        <translation>논문의 ImageNet {metric} 정확도</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>변수</translation>
    </message>
    <message>
        <source>Multiply-adds per image</source>
        <translation>이미지 한 장당 곱셈-덧셈</translation>
    </message>
    <message>
        <source>Analysing the layers…</source>
        <translation>층을 분석하는 중…</translation>
    </message>
</context>
<context>
    <name>NinView</name>
    <message>
        <source>Network in Network: the 1×1 convolution</source>
        <translation>Network in Network: 1×1 합성곱</translation>
    </message>
    <message>
        <source>Q. A 1×1 filter sees a single pixel. What is it good for? It changes the number of channels and, with a ReLU, adds a non-linearity.</source>
        <translation>Q. 1×1 필터는 픽셀 하나만 본다. 무엇에 쓸까? 채널 수를 바꾸고, ReLU와 함께 비선형성을 더한다.</translation>
    </message>
    <message>
        <source>Height and width</source>
        <translation>높이와 너비</translation>
    </message>
    <message>
        <source>Input channels</source>
        <translation>입력 채널</translation>
    </message>
    <message>
        <source>Output channels</source>
        <translation>출력 채널</translation>
    </message>
    <message>
        <source>ReLU after the 1×1 convolution</source>
        <translation>1×1 합성곱 뒤에 ReLU</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>계산 비용</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>변수</translation>
    </message>
    <message>
        <source>One fully connected layer: {0} → {1}</source>
        <translation>완전 연결층 하나: {0} → {1}</translation>
    </message>
    <message>
        <source>The same weights at each of the {0}×{1} = {2} pixels</source>
        <translation>{0}×{1} = {2}개 픽셀 모두에 같은 가중치</translation>
    </message>
    <message>
        <source>≈ {0} multiply-adds</source>
        <translation>≈ 곱셈-덧셈 {0}회</translation>
    </message>
    <message>
        <source>= {0} pixels × ({1} × {2}) multiply-adds per pixel</source>
        <translation>= 픽셀 {0}개 × 픽셀당 곱셈-덧셈 ({1} × {2})회</translation>
    </message>
    <message>
        <source>{0} weights and {1} biases, shared by every pixel</source>
        <translation>가중치 {0}개와 편향 {1}개를 모든 픽셀이 공유</translation>
    </message>
    <message>
        <source>With the ReLU, each pixel&apos;s channels go through a small neural layer with a non-linearity: a network inside the network. It adds no parameters, only {0} comparisons.</source>
        <translation>ReLU를 거치면 각 픽셀의 채널이 비선형성을 가진 작은 신경망 층을 지난다: 네트워크 속의 네트워크. 변수는 늘지 않고 비교 연산 {0}번만 더해진다.</translation>
    </message>
    <message>
        <source>Without an activation the 1×1 convolution is linear: each output channel is a weighted sum of the input channels at the same pixel, and two in a row are still one linear map.</source>
        <translation>활성화 함수가 없으면 1×1 합성곱은 선형이다: 각 출력 채널은 같은 픽셀의 입력 채널들의 가중합이고, 두 번 이어 써도 하나의 선형 변환일 뿐이다.</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Case studies</source>
        <translation>케이스 스터디</translation>
    </message>
    <message>
        <source>Q. Why study many different cases?</source>
        <translation>Q. 다양한 케이스를 알아야 하는 이유는?</translation>
    </message>
    <message>
        <source>Each classic network answered a problem of its time: few parameters (LeNet-5), depth and ReLU on GPUs (AlexNet), a simple recipe of 3×3 convolutions (VGG-16), training very deep networks with shortcuts (ResNet), and cheap width with 1×1 convolutions (Inception). Their ideas are the building blocks of every network since. Depths, parameters and multiply-adds are measured on the real models; accuracies are as published: torchvision&apos;s, on one centre crop of the ILSVRC-2012 validation set for the weights version the app loads (V1), and beside it the paper&apos;s own figure, which may be top-5 or averaged over several crops (hover for how).</source>
        <translation>고전 네트워크마다 그 시대의 문제에 답했다: 적은 변수(LeNet-5), GPU 위의 깊이와 ReLU(AlexNet), 3×3 합성곱이라는 단순한 방법(VGG-16), 스킵 연결로 아주 깊은 네트워크 훈련하기(ResNet), 1×1 합성곱으로 값싸게 넓히기(Inception). 이 아이디어들은 이후 모든 네트워크의 기본 재료가 되었다. 깊이, 변수, 곱셈-덧셈은 실제 모델에서 잰 값이다. 정확도는 공개된 값이다: 앱이 불러오는 가중치 버전(V1)에 대해 torchvision이 ILSVRC-2012 검증 세트의 가운데 크롭 1개로 잰 값, 그리고 그 옆에 논문이 직접 밝힌 값이다. 논문 값은 top-5이거나 여러 크롭의 평균일 수 있다 (마우스를 올리면 방법이 보인다).</translation>
    </message>
    <message>
        <source>Parameters and multiply-adds per image (log scale)</source>
        <translation>변수 수와 이미지당 곱셈-덧셈 (로그 눈금)</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>변수</translation>
    </message>
    <message>
        <source>Multiply-adds</source>
        <translation>곱셈-덧셈</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>연도</translation>
    </message>
    <message>
        <source>Depth
(paper)</source>
        <translation>깊이
(논문)</translation>
    </message>
    <message>
        <source>ImageNet top-1
(torchvision, 1 crop)</source>
        <translation>ImageNet top-1
(torchvision, 크롭 1개)</translation>
    </message>
    <message>
        <source>Paper&apos;s own
figure</source>
        <translation>논문이 밝힌
값</translation>
    </message>
    <message>
        <source>{modules} convolution and dense modules in all</source>
        <translation>합성곱과 완전 연결 모듈은 모두 {modules}개</translation>
    </message>
    <message>
        <source>The depth the paper quotes: layers with parameters on the longest path from input to output. Counting every convolution and dense module one by one, ResNet&apos;s 1×1 projection shortcuts and each parallel branch of an Inception module included, gives more: hover over a depth, or see the model&apos;s fact sheet.</source>
        <translation>논문이 말하는 깊이: 입력에서 출력까지 가장 긴 경로 위의, 변수가 있는 층의 수. ResNet의 1×1 프로젝션 스킵 연결과 Inception 모듈의 나란한 가지까지 합성곱·완전 연결 모듈을 하나하나 세면 더 많다. 깊이 위에 마우스를 올리거나 모델 설명을 보라.</translation>
    </message>
    <message>
        <source>{version}: top-1 {top1:.1f}%, top-5 {top5:.1f}%</source>
        <translation>{version}: top-1 {top1:.1f}%, top-5 {top5:.1f}%</translation>
    </message>
    <message>
        <source> (loaded here)</source>
        <translation> (이 앱이 불러옴)</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Key idea</source>
        <translation>핵심 아이디어</translation>
    </message>
</context>
<context>
    <name>PointwiseExample</name>
    <message>
        <source>Live: GoogLeNet&apos;s own 1×1 convolution on an image</source>
        <translation>실제 예: 이미지에 적용한 GoogLeNet의 1×1 합성곱</translation>
    </message>
    <message>
        <source>Live: GoogLeNet&apos;s own 1×1 convolution ({layer}) on “{name}”</source>
        <translation>실제 예: “{name}”에 적용한 GoogLeNet의 1×1 합성곱 ({layer})</translation>
    </message>
    <message>
        <source>What it gets: {c}×{h}×{w} maps</source>
        <translation>입력: {c}×{h}×{w} 맵</translation>
    </message>
    <message>
        <source>What it gives: {c}×{h}×{w} maps (outlined: channel {k})</source>
        <translation>출력: {c}×{h}×{w} 맵 (테두리: 채널 {k})</translation>
    </message>
    <message>
        <source>1×1 convolution
{out} filters of 1×1×{c}
+ batch norm + ReLU
⟶</source>
        <translation>1×1 합성곱
1×1×{c} 필터 {out}개
+ 배치 정규화 + ReLU
⟶</translation>
    </message>
    <message>
        <source>Channel {k}, pixel (row {row}, column {column}): that pixel&apos;s {c} input values weighted by the filter&apos;s {c} weights add up to {sum}; the convolution gave {conv} there. After batch norm and ReLU: {out}. The ReLU set {zeroed} of the {total} outputs to 0.</source>
        <translation>채널 {k}, 픽셀 ({row}행, {column}열): 이 픽셀의 입력값 {c}개에 필터의 가중치 {c}개를 곱해 더하면 {sum}이고, 합성곱이 이 자리에서 낸 값도 {conv}입니다. 배치 정규화와 ReLU를 거치면 {out}. ReLU는 출력 {total}개 중 {zeroed}를 0으로 만들었습니다.</translation>
    </message>
    <message>
        <source>Running GoogLeNet on the image…</source>
        <translation>이미지에 GoogLeNet을 실행하는 중…</translation>
    </message>
    <message>
        <source>GoogLeNet has random weights here: its ImageNet weights are not in the torch cache (the Inception section&apos;s Feature maps tab can download them). The arithmetic is the same; the maps show less of the image.</source>
        <translation>여기서 GoogLeNet은 무작위 가중치입니다. ImageNet 가중치가 torch 캐시에 없습니다(Inception 섹션의 ‘특징 맵’ 탭에서 내려받을 수 있습니다). 계산은 똑같고, 맵에 이미지가 덜 드러날 뿐입니다.</translation>
    </message>
    <message>
        <source>GoogLeNet with its trained weights ({detail}).</source>
        <translation>훈련된 가중치를 쓴 GoogLeNet ({detail}).</translation>
    </message>
</context>
<context>
    <name>PrepareDialog</name>
    <message>
        <source>waiting</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>ready, verified</source>
        <translation>준비됨, 검증 완료</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Cancelled. What was fetched stays; an unfinished file is kept aside and the next Fetch continues it.</source>
        <translation>취소했습니다. 이미 받은 것은 그대로 있고, 다 받지 못한 파일은 따로 보관했다가 다음에 받기를 누르면 이어서 받습니다.</translation>
    </message>
    <message>
        <source>unpacking…</source>
        <translation>압축 푸는 중…</translation>
    </message>
    <message>
        <source>ImageNet weights</source>
        <translation>ImageNet 가중치</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>데이터 세트</translation>
    </message>
    <message>
        <source>on this computer</source>
        <translation>이 컴퓨터에 있음</translation>
    </message>
    <message>
        <source>partly fetched ({done}), will continue</source>
        <translation>일부 받음 ({done}), 이어서 받음</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>trained (ships with the app)</source>
        <translation>훈련됨 (앱에 포함)</translation>
    </message>
    <message>
        <source>trained on ImageNet (prepared)</source>
        <translation>ImageNet으로 훈련됨 (준비됨)</translation>
    </message>
    <message>
        <source>random: its guesses mean nothing</source>
        <translation>무작위: 예측에 의미가 없음</translation>
    </message>
    <message>
        <source>tick {item} in the checklist</source>
        <translation>체크리스트에서 {item} 선택</translation>
    </message>
    <message>
        <source>no published weights: the maps show untrained filters</source>
        <translation>공개된 가중치 없음: 특징 맵은 학습되지 않은 필터의 결과입니다</translation>
    </message>
    <message>
        <source>{trained} of {pages} models show trained weights.</source>
        <translation>모델 {pages}개 중 {trained}개가 훈련된 가중치를 보여 줍니다.</translation>
    </message>
    <message>
        <source>Not on this computer: {items} ({size} to fetch).</source>
        <translation>이 컴퓨터에 없는 것: {items} (받을 크기 {size}).</translation>
    </message>
    <message>
        <source>Everything on the checklist is here: the lecture runs offline.</source>
        <translation>체크리스트의 모든 항목이 있습니다. 강의를 오프라인으로 진행할 수 있습니다.</translation>
    </message>
    <message>
        <source>handwritten digits (embedded)</source>
        <translation>손글씨 숫자 (내장)</translation>
    </message>
    <message>
        <source>The training panel can use: {sets}.</source>
        <translation>훈련 패널에서 쓸 수 있는 데이터 세트: {sets}.</translation>
    </message>
    <message>
        <source>Looking at what is on this computer…</source>
        <translation>이 컴퓨터에 무엇이 있는지 확인하는 중…</translation>
    </message>
    <message>
        <source>{here} of {count} items on this computer. Ticked: {size} to fetch (everything: {all}).</source>
        <translation>항목 {count}개 중 {here}개가 이 컴퓨터에 있습니다. 선택한 항목: {size} 받기 (전체: {all}).</translation>
    </message>
    <message>
        <source>All ticked items: nothing fetched yet.</source>
        <translation>선택한 항목 전체: 아직 받은 것 없음.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>연결하는 중…</translation>
    </message>
    <message>
        <source>All ticked items: {amounts}</source>
        <translation>선택한 항목 전체: {amounts}</translation>
    </message>
    <message>
        <source>Done: every ticked item is on this computer, verified.</source>
        <translation>완료: 선택한 모든 항목이 검증되어 이 컴퓨터에 있습니다.</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{total} 중 {done}</translation>
    </message>
    <message>
        <source>{rate} MB/s</source>
        <translation>{rate} MB/s</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s left</source>
        <translation>{minutes}분 {seconds}초 남음</translation>
    </message>
    <message>
        <source>{seconds} s left</source>
        <translation>{seconds}초 남음</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>LeNet-5</source>
        <translation>LeNet-5</translation>
    </message>
    <message>
        <source>AlexNet</source>
        <translation>AlexNet</translation>
    </message>
    <message>
        <source>VGG-16</source>
        <translation>VGG-16</translation>
    </message>
    <message>
        <source>ResNet</source>
        <translation>ResNet</translation>
    </message>
    <message>
        <source>1×1 convolution</source>
        <translation>1×1 합성곱</translation>
    </message>
    <message>
        <source>Inception</source>
        <translation>Inception</translation>
    </message>
    <message>
        <source>Prepare for class</source>
        <translation>수업 준비</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>체크리스트</translation>
    </message>
    <message>
        <source>Readiness report</source>
        <translation>준비 상태 보고서</translation>
    </message>
    <message>
        <source>A lecture hall often has no network. Fetch here, once, the trained weights and data sets the lecture&apos;s pages use: each file is checked against its published checksum before it is used, and afterwards every page works offline. Nothing is downloaded until you click Fetch.</source>
        <translation>강의실에는 네트워크가 없을 때가 많습니다. 강의 페이지가 쓰는 훈련된 가중치와 데이터 세트를 여기서 한 번 받아 두세요. 모든 파일은 쓰기 전에 공개된 체크섬으로 검증하며, 그다음에는 모든 페이지가 오프라인으로 동작합니다. 받기를 누르기 전에는 아무것도 내려받지 않습니다.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>진행</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>페이지</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>For trained weights</source>
        <translation>훈련된 가중치를 쓰려면</translation>
    </message>
    <message>
        <source>Fetch ticked items</source>
        <translation>선택한 항목 받기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <source>Presenter view</source>
        <translation>발표자 화면</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Next: {section}</source>
        <translation>다음: {section}</translation>
    </message>
    <message>
        <source>Last section</source>
        <translation>마지막 단원</translation>
    </message>
</context>
<context>
    <name>ReceptiveFieldView</name>
    <message>
        <source>receptive field (pixels)</source>
        <translation>수용 영역 (픽셀)</translation>
    </message>
    <message>
        <source>convolution and pooling layers, in order</source>
        <translation>합성곱 층과 풀링 층 (순서대로)</translation>
    </message>
    <message>
        <source>Receptive field against depth</source>
        <translation>깊이에 따른 수용 영역</translation>
    </message>
    <message>
        <source>This model has no convolution or pooling on an image grid.</source>
        <translation>이 모델에는 이미지 격자 위의 합성곱이나 풀링이 없습니다.</translation>
    </message>
    <message>
        <source>input: {size} pixels</source>
        <translation>입력: {size} 픽셀</translation>
    </message>
    <message>
        <source>Receptive field against depth: {model}</source>
        <translation>깊이에 따른 수용 영역: {model}</translation>
    </message>
    <message>
        <source>One unit of {layer}, the last of these layers, sees {size}×{size} input pixels; neighbouring units are {jump} pixels apart.</source>
        <translation>이 층들 중 마지막인 {layer}의 유닛 하나는 입력 픽셀 {size}×{size}를 봅니다. 이웃한 유닛 사이 간격은 {jump} 픽셀입니다.</translation>
    </message>
    <message>
        <source>From {layer} (grey line) on, one unit&apos;s field is as wide as the whole {side}×{side} input.</source>
        <translation>{layer}(회색 선)부터는 유닛 하나의 수용 영역이 {side}×{side} 입력 전체만큼 넓습니다.</translation>
    </message>
    <message>
        <source>No layer&apos;s field covers the whole {side}×{side} input.</source>
        <translation>{side}×{side} 입력 전체를 덮는 층은 없습니다.</translation>
    </message>
    <message>
        <source>Squares: pooling layers.</source>
        <translation>네모: 풀링 층.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why stack 3×3 filters?&lt;/b&gt; On {layers} ({channels} channels in and out, stride 1):</source>
        <translation>&lt;b&gt;왜 3×3 필터를 쌓을까?&lt;/b&gt; {layers}에서 (입력·출력 채널 {channels}개, 스트라이드 1):</translation>
    </message>
    <message>
        <source>{count} stacked {k}×{k}: see {size}×{size} with {weights} weights (&lt;b&gt;{factor}C²&lt;/b&gt;); one {size}×{size} filter: {single} (&lt;b&gt;{single_factor}C²&lt;/b&gt;).</source>
        <translation>{k}×{k}를 {count}개 쌓으면: 가중치 {weights}개(&lt;b&gt;{factor}C²&lt;/b&gt;)로 {size}×{size}를 봅니다. {size}×{size} 필터 하나: {single}개(&lt;b&gt;{single_factor}C²&lt;/b&gt;).</translation>
    </message>
    <message>
        <source>And every stacked layer adds a ReLU: {count} non-linearities instead of one.</source>
        <translation>그리고 쌓은 층마다 ReLU가 더해집니다: 비선형성이 하나가 아니라 {count}개.</translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message>
        <source>{label} (no epoch finished)</source>
        <translation>{label} (마친 에포크 없음)</translation>
    </message>
    <message>
        <source>{label} ({epochs} epochs, best test accuracy {accuracy:.1%})</source>
        <translation>{label} ({epochs} 에포크, 최고 테스트 정확도 {accuracy:.1%})</translation>
    </message>
    <message>
        <source>{run}: step {step}, loss {loss:.4f} (smoothed {smoothed:.4f}), learning rate {lr:.3g}</source>
        <translation>{run}: 스텝 {step}, 손실 {loss:.4f} (평활값 {smoothed:.4f}), 학습률 {lr:.3g}</translation>
    </message>
    <message>
        <source>test accuracy {test:.1%} (training {train:.1%})</source>
        <translation>테스트 정확도 {test:.1%} (훈련 {train:.1%})</translation>
    </message>
    <message>
        <source>test loss {test:.4f} (training {train:.4f})</source>
        <translation>테스트 손실 {test:.4f} (훈련 {train:.4f})</translation>
    </message>
    <message>
        <source>{run}: epoch {epoch}, {accuracy}, {loss}</source>
        <translation>{run}: 에포크 {epoch}, {accuracy}, {loss}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Preparing the data and the model…</source>
        <translation>데이터와 모델을 준비하는 중…</translation>
    </message>
    <message>
        <source>Ready to train.</source>
        <translation>훈련할 준비가 되었습니다.</translation>
    </message>
    <message>
        <source>Run “{name}” saved.</source>
        <translation>실행 “{name}”을(를) 저장했습니다.</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <source>training</source>
        <translation>훈련 중</translation>
    </message>
    <message>
        <source>testing</source>
        <translation>테스트 중</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>time left {time}</source>
        <translation>남은 시간 {time}</translation>
    </message>
    <message>
        <source>measuring speed…</source>
        <translation>속도 측정 중…</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs} · {phase}
{rate} images/s · {left}</source>
        <translation>에포크 {epoch}/{epochs} · {phase}
초당 {rate}장 · {left}</translation>
    </message>
    <message>
        <source>Test image: {label} · the network says: {guess}</source>
        <translation>테스트 이미지: {label} · 신경망의 답: {guess}</translation>
    </message>
    <message>
        <source>Feature maps of {layer}</source>
        <translation>{layer}의 특징 맵</translation>
    </message>
    <message>
        <source>Image folder (one sub-folder per class)</source>
        <translation>이미지 폴더 (클래스마다 하위 폴더 하나)</translation>
    </message>
    <message>
        <source>Open a saved run</source>
        <translation>저장된 실행 기록 열기</translation>
    </message>
    <message>
        <source>Export the curves as CSV</source>
        <translation>곡선을 CSV로 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Export the plots as PNG</source>
        <translation>그래프를 PNG로 내보내기</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>옵션</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>데이터 세트</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>시작 가중치</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>학습률 스케줄</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>데이터 증강</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Handwritten digits (embedded)</source>
        <translation>손글씨 숫자 (내장)</translation>
    </message>
    <message>
        <source>Image folder: {name}</source>
        <translation>이미지 폴더: {name}</translation>
    </message>
    <message>
        <source>Image folder…</source>
        <translation>이미지 폴더…</translation>
    </message>
    <message>
        <source>Random weights</source>
        <translation>무작위 가중치</translation>
    </message>
    <message>
        <source>Pretrained: classifier only</source>
        <translation>사전 학습: 분류기만</translation>
    </message>
    <message>
        <source>Pretrained: later half</source>
        <translation>사전 학습: 뒤쪽 절반</translation>
    </message>
    <message>
        <source>Pretrained: all layers</source>
        <translation>사전 학습: 모든 층</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>일정</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>코사인</translation>
    </message>
    <message>
        <source>Step (÷10 twice)</source>
        <translation>계단식 (÷10 두 번)</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>모멘텀 SGD</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>Apple MPS</source>
        <translation>Apple MPS</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>실행 기록</translation>
    </message>
    <message>
        <source>Open run…</source>
        <translation>실행 기록 열기…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG 내보내기…</translation>
    </message>
    <message>
        <source>Training loss per step</source>
        <translation>스텝별 훈련 손실</translation>
    </message>
    <message>
        <source>Accuracy per epoch</source>
        <translation>에포크별 정확도</translation>
    </message>
    <message>
        <source>Loss per epoch</source>
        <translation>에포크별 손실</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>{label} is already shown.</source>
        <translation>{label}은(는) 이미 표시되어 있습니다.</translation>
    </message>
    <message>
        <source>{label} (damaged, cannot be opened)</source>
        <translation>{label} (손상됨, 열 수 없음)</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Learning rate per step</source>
        <translation>스텝별 학습률</translation>
    </message>
    <message>
        <source>Faint: every step · bold: smoothed · solid: test · dashed: training</source>
        <translation>흐린 선: 스텝마다 · 굵은 선: 평활값 · 실선: 테스트 · 점선: 훈련</translation>
    </message>
    <message>
        <source>First-layer filters</source>
        <translation>첫 층의 필터</translation>
    </message>
    <message>
        <source>A test image appears here while the network trains.</source>
        <translation>신경망이 훈련하는 동안 여기에 테스트 이미지가 나타납니다.</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>특징 맵</translation>
    </message>
</context>
<context>
    <name>TransferLearningView</name>
    <message>
        <source>Counting the layers of {model}…</source>
        <translation>{model}의 층을 세는 중…</translation>
    </message>
    <message>
        <source>Trained: {trained} of {total} parameters ({share}), in {layers} of {count} layers. Frozen: {frozen} parameters.</source>
        <translation>훈련: 변수 {total}개 중 {trained}개({share}), 층 {count}개 중 {layers}개. 고정: 변수 {frozen}개.</translation>
    </message>
    <message>
        <source>The pretrained weights of {model} are on this computer.</source>
        <translation>{model}의 사전 학습 가중치가 이 컴퓨터에 있습니다.</translation>
    </message>
    <message>
        <source>The pretrained weights of {model} are not on this computer: download them once (online) on its feature-map page; until then a run from them is refused.</source>
        <translation>{model}의 사전 학습 가중치가 이 컴퓨터에 없습니다. 해당 모델의 특징 맵 화면에서 (온라인으로) 한 번 내려받으세요. 그 전에는 사전 학습 가중치로 시작하는 학습이 거부됩니다.</translation>
    </message>
    <message>
        <source>the UCI handwritten digits (shipped with the app)</source>
        <translation>UCI 손글씨 숫자 (앱에 들어 있음)</translation>
    </message>
    <message>
        <source>ImageNet (torchvision&apos;s published weights)</source>
        <translation>ImageNet (torchvision이 공개한 가중치)</translation>
    </message>
    <message>
        <source>Pretrained on {source}.</source>
        <translation>{source}로 사전 학습되었다.</translation>
    </message>
    <message>
        <source>Pretrained on {source}, with a {pretrained}-way classifier ({head} parameters). Training replaces it with a new {classes}-way classifier ({new} parameters), counted below.</source>
        <translation>{source}로 사전 학습되었고, {pretrained}개 클래스 분류기(변수 {head}개)가 달려 있다. 훈련할 때는 이것을 새 {classes}개 클래스 분류기(변수 {new}개)로 바꾸며, 아래 수치는 이 새 분류기로 센 것이다.</translation>
    </message>
    <message>
        <source>Transfer learning</source>
        <translation>전이 학습</translation>
    </message>
    <message>
        <source>Pretrained network:</source>
        <translation>사전 학습된 신경망:</translation>
    </message>
    <message>
        <source>Classes in your data:</source>
        <translation>데이터의 클래스 수:</translation>
    </message>
    <message>
        <source>Case 1: little data</source>
        <translation>케이스 1: 데이터가 적을 때</translation>
    </message>
    <message>
        <source>Freeze every pretrained layer and train only a new classifier (softmax) on top.</source>
        <translation>사전 학습된 층을 모두 고정(freeze)하고 맨 위의 새 분류기(softmax)만 훈련한다.</translation>
    </message>
    <message>
        <source>Freeze the early layers (generic edges and textures) and retrain the later ones with the new classifier: here the first half of the network&apos;s depth stays frozen, cut between the paper&apos;s parts (a whole Inception module or ResNet stage on one side).</source>
        <translation>앞쪽 층(일반적인 에지와 질감)은 고정하고 뒤쪽 층을 새 분류기와 함께 다시 훈련한다. 여기서는 네트워크 깊이의 앞쪽 절반을 고정하되, 논문의 단위 사이에서 자른다 (Inception 모듈이나 ResNet 단계는 통째로 한쪽에 둔다).</translation>
    </message>
    <message>
        <source>frozen: kept as pretrained</source>
        <translation>고정: 사전 학습된 그대로</translation>
    </message>
    <message>
        <source>trained</source>
        <translation>훈련</translation>
    </message>
    <message>
        <source>parameters (log scale)</source>
        <translation>변수 수 (로그 눈금)</translation>
    </message>
    <message>
        <source>input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>new classifier</source>
        <translation>새 분류기</translation>
    </message>
    <message>
        <source>Train this case…</source>
        <translation>이 케이스로 훈련…</translation>
    </message>
    <message>
        <source>Opens the training panel set up for this network and case: choose the data there (your own image folder, one subfolder per class, or CIFAR-10) and press Start.</source>
        <translation>이 신경망과 케이스로 설정된 훈련 패널을 엽니다. 거기서 데이터(클래스마다 하위 폴더가 하나씩 있는 이미지 폴더, 또는 CIFAR-10)를 고르고 시작을 누르세요.</translation>
    </message>
    <message>
        <source>Case 2: more data</source>
        <translation>케이스 2: 데이터가 조금 더 있을 때</translation>
    </message>
    <message>
        <source>Start from a network someone has already trained; how much of it to retrain depends on how much data you have.</source>
        <translation>이미 훈련된 네트워크에서 시작한다. 얼마나 다시 훈련할지는 가진 데이터의 양에 달려 있다.</translation>
    </message>
    <message>
        <source>Case 3: lots of data</source>
        <translation>케이스 3: 데이터가 많을 때</translation>
    </message>
    <message>
        <source>Use the pretrained weights as the starting point and fine-tune the whole network.</source>
        <translation>사전 학습된 가중치를 시작점으로 삼아 신경망 전체를 미세 조정한다.</translation>
    </message>
</context>
<context>
    <name>UnitComputationView</name>
    <message>
        <source>Step the unit:</source>
        <translation>유닛 옮기기:</translation>
    </message>
    <message>
        <source>Click a pixel of a feature map to see what that unit sees and how it is computed.</source>
        <translation>특징 맵의 픽셀을 클릭하면 그 유닛이 무엇을 보고 어떻게 계산되는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>Unit {unit} of {layer} = {value}</source>
        <translation>{layer}의 유닛 {unit} = {value}</translation>
    </message>
    <message>
        <source>Only a convolution&apos;s units (and the norms and activations right after one) are worked out here; pick a convolution layer.</source>
        <translation>여기서는 합성곱 층의 유닛(과 바로 뒤의 정규화·활성화 함수)만 계산 과정을 보여 줍니다. 합성곱 층을 고르세요.</translation>
    </message>
    <message>
        <source>How unit {unit} of {layer} is computed: a {size} window of {channels} input channels, stride {stride}, padding {padding}</source>
        <translation>{layer}의 유닛 {unit} 계산: 입력 채널 {channels}개의 {size} 창, 스트라이드 {stride}, 패딩 {padding}</translation>
    </message>
    <message>
        <source>input window</source>
        <translation>입력 창</translation>
    </message>
    <message>
        <source>filter weights</source>
        <translation>필터 가중치</translation>
    </message>
    <message>
        <source>products</source>
        <translation>곱</translation>
    </message>
    <message>
        <source>Channel {channel}, row {i}, column {j}: input {value} × weight {weight} = {product}</source>
        <translation>채널 {channel}, {i}행 {j}열: 입력 {value} × 가중치 {weight} = {product}</translation>
    </message>
    <message>
        <source>The other {count} channels add {sum}.</source>
        <translation>나머지 {count}개 채널의 합은 {sum}.</translation>
    </message>
    <message>
        <source>Sum of all {count} products {sum} + bias {bias} = &lt;b&gt;{total}&lt;/b&gt; (the network: {network}).</source>
        <translation>곱 {count}개의 합 {sum} + 편향 {bias} = &lt;b&gt;{total}&lt;/b&gt; (네트워크의 값: {network}).</translation>
    </message>
    <message>
        <source>{op} ({name}) → &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>{op} ({name}) → &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Value in the feature map: &lt;span style=&apos;color:{colour}&apos;&gt;&lt;b&gt;{value}&lt;/b&gt;&lt;/span&gt;</source>
        <translation>특징 맵의 값: &lt;span style=&apos;color:{colour}&apos;&gt;&lt;b&gt;{value}&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Grey cells lie in the zero padding outside the map.</source>
        <translation>회색 칸은 맵 바깥의 0 패딩입니다.</translation>
    </message>
    <message>
        <source>Point at a cell to read its numbers.</source>
        <translation>칸을 가리키면 그 값이 보입니다.</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>Grad-CAM needs a layer with a spatial map; {layer} gives {shape}: choose a convolution or pooling layer before the network flattens its maps</source>
        <translation>Grad-CAM에는 공간 맵이 있는 층이 필요합니다. {layer}의 출력은 {shape}입니다. 네트워크가 맵을 펼치기 전의 합성곱 층이나 풀링 층을 고르십시오</translation>
    </message>
    <message>
        <source>{model} takes {channels} feature maps of {height}×{width}, not an image; pick a whole network to see an image&apos;s feature maps</source>
        <translation>{model}은(는) 이미지가 아니라 {height}×{width} 특징 맵 {channels}개를 입력으로 받습니다. 이미지의 특징 맵을 보려면 전체 네트워크를 고르세요</translation>
    </message>
    <message>
        <source>converted from 1-bit black and white</source>
        <translation>1비트 흑백에서 변환</translation>
    </message>
    <message>
        <source>converted from grayscale</source>
        <translation>흑백(그레이스케일)에서 변환</translation>
    </message>
    <message>
        <source>converted from palette</source>
        <translation>팔레트 색상에서 변환</translation>
    </message>
    <message>
        <source>converted from CMYK</source>
        <translation>CMYK에서 변환</translation>
    </message>
    <message>
        <source>converted from YCbCr</source>
        <translation>YCbCr에서 변환</translation>
    </message>
    <message>
        <source>converted from Lab</source>
        <translation>Lab에서 변환</translation>
    </message>
    <message>
        <source>converted from HSV</source>
        <translation>HSV에서 변환</translation>
    </message>
    <message>
        <source>{name} starts like a {format} file but is damaged and cannot be read.</source>
        <translation>{name}은(는) {format} 파일처럼 시작하지만 손상되어 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>{name} is not an image file this app can read; use {formats}.</source>
        <translation>{name}은(는) 이 앱이 읽을 수 있는 이미지 파일이 아닙니다. {formats} 파일을 쓰세요.</translation>
    </message>
    <message>
        <source>{name} has more than {pixels} million pixels, far above the limit of {limit} million; it is refused as a possible decompression bomb.</source>
        <translation>{name}은(는) 픽셀이 {pixels}백만 개가 넘어 한도인 {limit}백만 개를 훨씬 넘습니다. 압축 폭탄일 수 있어 거부합니다.</translation>
    </message>
    <message>
        <source>{name} cannot be read: permission denied.</source>
        <translation>{name}을(를) 읽을 수 없습니다: 권한이 없습니다.</translation>
    </message>
    <message>
        <source>{name} is too large to decode in the memory available.</source>
        <translation>{name}은(는) 너무 커서 사용 가능한 메모리로 디코딩할 수 없습니다.</translation>
    </message>
    <message>
        <source>{name} is damaged or incomplete and cannot be decoded ({error}).</source>
        <translation>{name}은(는) 손상되었거나 불완전하여 디코딩할 수 없습니다({error}).</translation>
    </message>
    <message>
        <source>{path}: a folder inside a folder is not searched</source>
        <translation>{path}: 폴더 안의 폴더는 찾아보지 않습니다</translation>
    </message>
    <message>
        <source>{path}: does not exist</source>
        <translation>{path}: 없는 파일입니다</translation>
    </message>
    <message>
        <source>the pasted image must be 8-bit RGB pixels</source>
        <translation>붙여 넣은 이미지는 8비트 RGB 픽셀이어야 합니다</translation>
    </message>
    <message>
        <source>{path} is a folder, not an image file; open the images inside it instead.</source>
        <translation>{path}은(는) 이미지 파일이 아니라 폴더입니다. 그 안의 이미지를 여세요.</translation>
    </message>
    <message>
        <source>give 1 to {most} depths, e.g. 20,32,44,56; got {count}</source>
        <translation>깊이는 1개에서 {most}개까지 주세요(예: 20,32,44,56). 받은 개수: {count}</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>깊이</translation>
    </message>
    <message>
        <source>depth must be 6n+2 (8, 14, 20, 26, 32, ...), got {depth}</source>
        <translation>깊이는 6n+2(8, 14, 20, 26, 32, ...)여야 합니다. 받은 값: {depth}</translation>
    </message>
    <message>
        <source>each depth once, please; got {depths}</source>
        <translation>깊이마다 한 번씩만 주세요. 받은 값: {depths}</translation>
    </message>
    <message>
        <source>{path} is not an experiment result (made by `python main.py experiment`).</source>
        <translation>{path}은(는) 실험 결과 파일(`python main.py experiment`로 만든 파일)이 아닙니다.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file; give a file name ending in .json, or a folder without the .json ending.</source>
        <translation>{path}은(는) 파일이 아니라 폴더입니다. .json으로 끝나는 파일 이름이나, .json으로 끝나지 않는 폴더를 주세요.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be made ({error}); choose another with --out.</source>
        <translation>폴더 {folder}을(를) 만들 수 없습니다({error}). --out으로 다른 곳을 고르세요.</translation>
    </message>
    <message>
        <source>{path} cannot be written; choose another place with --out.</source>
        <translation>{path}에 쓸 수 없습니다. --out으로 다른 곳을 고르세요.</translation>
    </message>
    <message>
        <source>The result could not be saved to {path} nor to {spare}; free some disk space.</source>
        <translation>결과를 {path}에도 {spare}에도 저장하지 못했습니다. 디스크 공간을 확보하세요.</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>{path} cannot be read ({error}).</source>
        <translation>{path}을(를) 읽을 수 없습니다({error}).</translation>
    </message>
    <message>
        <source>{path} is not a plain-versus-residual result (made by `python main.py depth`).</source>
        <translation>{path}은(는) plain 대 residual 결과 파일(`python main.py depth`로 만든 것)이 아닙니다.</translation>
    </message>
    <message>
        <source>{path} is damaged ({error}).</source>
        <translation>{path}이(가) 손상되었습니다({error}).</translation>
    </message>
    <message>
        <source>depths must be whole numbers separated by commas, e.g. 20,32,44,56; got {given}</source>
        <translation>깊이는 쉼표로 구분한 정수여야 합니다(예: 20,32,44,56). 받은 값: {given}</translation>
    </message>
    <message>
        <source>{name} is empty (0 bytes).</source>
        <translation>{name}은(는) 빈 파일입니다(0바이트).</translation>
    </message>
    <message>
        <source>first frame of {frames}</source>
        <translation>{frames}개 프레임 중 첫 프레임</translation>
    </message>
    <message>
        <source>turned upright per its EXIF orientation ({orientation})</source>
        <translation>EXIF 방향 정보({orientation})에 따라 바로 세움</translation>
    </message>
    <message>
        <source>downscaled from {width}×{height} to {new_width}×{new_height}</source>
        <translation>{width}×{height}에서 {new_width}×{new_height}(으)로 축소</translation>
    </message>
    <message>
        <source>16-bit values scaled to 8-bit</source>
        <translation>16비트 값을 8비트로 변환</translation>
    </message>
    <message>
        <source>converted from {mode}</source>
        <translation>{mode}에서 변환</translation>
    </message>
    <message>
        <source>The colour mode {mode} cannot be converted to RGB.</source>
        <translation>색상 모드 {mode}은(는) RGB로 변환할 수 없습니다.</translation>
    </message>
    <message>
        <source>32-bit values stretched from [{low}, {high}] to 8-bit</source>
        <translation>32비트 값 [{low}, {high}]을(를) 8비트로 늘림</translation>
    </message>
    <message>
        <source>transparency flattened on white</source>
        <translation>투명한 부분을 흰 배경으로 채움</translation>
    </message>
    <message>
        <source>{name} is {width}×{height} pixels ({pixels} million), more than the limit of {limit} million; it is refused as a possible decompression bomb.</source>
        <translation>{name}은(는) {width}×{height} 픽셀({pixels}백만 개)로 한도인 {limit}백만 개를 넘습니다. 압축 폭탄일 수 있어 거부합니다.</translation>
    </message>
    <message>
        <source>The image folder {path} does not exist.</source>
        <translation>이미지 폴더 {path}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>{path} has a train folder but no test or val folder beside it.</source>
        <translation>{path}에는 train 폴더는 있지만 그 옆에 test나 val 폴더가 없습니다.</translation>
    </message>
    <message>
        <source>{count} image files of {name} in a row cannot be read, so training stopped; check the folder (the files are named in the run&apos;s log.txt).</source>
        <translation>{name}의 이미지 파일 {count}개를 연달아 읽을 수 없어 훈련을 멈췄습니다. 폴더를 확인하세요(파일 이름은 실행 기록의 log.txt에 있습니다).</translation>
    </message>
    <message>
        <source>{folder} is not an image folder with one sub-folder of images per class (none of its sub-folders holds an image, or it cannot be read).</source>
        <translation>{folder}은(는) 클래스마다 이미지 하위 폴더가 하나씩 있는 이미지 폴더가 아닙니다(하위 폴더에 이미지가 없거나 폴더를 읽을 수 없습니다).</translation>
    </message>
    <message>
        <source>The train and test folders of {path} hold different classes; give both the same class sub-folders.</source>
        <translation>{path}의 train 폴더와 test 폴더의 클래스가 서로 다릅니다. 두 폴더에 같은 클래스 하위 폴더를 두세요.</translation>
    </message>
    <message>
        <source>{folder} has too few images ({count}) to set a fifth of each class aside for testing; put at least 3 images in each class folder, or give it train and test folders.</source>
        <translation>{folder}에는 이미지가 너무 적어({count}장) 클래스마다 5분의 1을 테스트용으로 떼어 둘 수 없습니다. 클래스 폴더마다 이미지를 3장 이상 넣거나, train과 test 폴더를 따로 두세요.</translation>
    </message>
    <message>
        <source>{folder} has only one class folder; a network needs at least two classes to tell apart. Put each class&apos;s images in a sub-folder of their own.</source>
        <translation>{folder}에는 클래스 폴더가 하나뿐입니다. 신경망이 구별하려면 클래스가 두 개 이상 있어야 합니다. 클래스마다 이미지를 각자의 하위 폴더에 넣으세요.</translation>
    </message>
    <message>
        <source>{title} could not be downloaded into {folder} ({error}).</source>
        <translation>{title}을(를) {folder}에 내려받지 못했습니다({error}).</translation>
    </message>
    <message>
        <source>{title} is not in {folder} (missing {files}); allow downloading it (needs the internet) or copy torchvision&apos;s {title} files there.</source>
        <translation>{title}이(가) {folder}에 없습니다({files} 없음). 내려받기를 허용하거나(인터넷 필요) torchvision의 {title} 파일을 그곳에 복사하세요.</translation>
    </message>
    <message>
        <source>The {title} files in {folder} cannot be read ({error}); delete them and download the data set again.</source>
        <translation>{folder}의 {title} 파일을 읽을 수 없습니다({error}). 파일을 지우고 데이터 세트를 다시 내려받으세요.</translation>
    </message>
    <message>
        <source>batch size {batch} is larger than the training set ({images} images); use at most {images}</source>
        <translation>배치 크기 {batch}이(가) 훈련 세트({images}장)보다 큽니다. {images} 이하로 쓰세요</translation>
    </message>
    <message>
        <source>The loss became {loss} at step {step} (epoch {epoch}), so training stopped; the learning rate {lr} is probably too high, try a smaller one. The weights of the run are lost from here on; the last good checkpoint is kept: {checkpoint}.</source>
        <translation>스텝 {step}(에포크 {epoch})에서 손실이 {loss}이(가) 되어 훈련을 멈췄습니다. 학습률 {lr}이(가) 너무 큰 것 같으니 더 작게 해 보세요. 이 시점부터의 가중치는 잃었고, 마지막 정상 체크포인트는 남아 있습니다: {checkpoint}.</translation>
    </message>
    <message>
        <source>{model} is a building block, not a network that classifies images; train one of {models}</source>
        <translation>{model}은(는) 이미지를 분류하는 네트워크가 아니라 구성 요소입니다. 다음 중 하나를 훈련하세요: {models}</translation>
    </message>
    <message>
        <source>unknown data set {given}; use one of {names} or folder:PATH</source>
        <translation>알 수 없는 데이터 세트 {given}입니다. {names} 또는 folder:경로 중 하나를 쓰세요</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>에포크 수</translation>
    </message>
    <message>
        <source>the experiment {name} is not part of this copy of the app</source>
        <translation>이 앱에는 실험 {name}이(가) 들어 있지 않습니다</translation>
    </message>
    <message>
        <source>ReLU, tanh or sigmoid</source>
        <translation>ReLU, tanh, sigmoid</translation>
    </message>
    <message>
        <source>Why ReLU?</source>
        <translation>왜 ReLU인가?</translation>
    </message>
    <message>
        <source>Average or max pooling</source>
        <translation>평균 풀링과 최대 풀링</translation>
    </message>
    <message>
        <source>Does max pooling beat average pooling?</source>
        <translation>최대 풀링이 평균 풀링보다 나은가?</translation>
    </message>
    <message>
        <source>Stacked 3×3 filters or one large filter</source>
        <translation>3×3 필터 쌓기와 큰 필터 하나</translation>
    </message>
    <message>
        <source>Why stack small filters?</source>
        <translation>왜 작은 필터를 쌓는가?</translation>
    </message>
    <message>
        <source>Plain against residual networks as depth grows</source>
        <translation>깊이에 따른 plain 네트워크와 residual 네트워크</translation>
    </message>
    <message>
        <source>Why do deep plain networks train worse, and shortcuts help?</source>
        <translation>깊은 plain 네트워크는 왜 훈련이 더 안 되고, 스킵 연결은 왜 도움이 되는가?</translation>
    </message>
    <message>
        <source>The 1×1 bottleneck in seconds</source>
        <translation>1×1 병목을 초로 재기</translation>
    </message>
    <message>
        <source>Does the 1×1 bottleneck save time, not only multiply-adds?</source>
        <translation>1×1 병목은 곱셈-덧셈만이 아니라 시간도 줄이는가?</translation>
    </message>
    <message>
        <source>Data augmentation with little data</source>
        <translation>데이터가 적을 때의 데이터 증강</translation>
    </message>
    <message>
        <source>Does augmentation help when there are few images?</source>
        <translation>이미지가 적을 때 데이터 증강이 도움이 되는가?</translation>
    </message>
    <message>
        <source>unknown experiment {name}; accepted: {names}</source>
        <translation>알 수 없는 실험 {name}입니다. 가능한 실험: {names}</translation>
    </message>
    <message>
        <source>seeds</source>
        <translation>시드 수</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>스텝 수</translation>
    </message>
    <message>
        <source>Inception (3a), naive</source>
        <translation>inception (3a), 기본형(naive)</translation>
    </message>
    <message>
        <source>Inception (3a), with 1×1 reductions</source>
        <translation>inception (3a), 1×1 축소 포함</translation>
    </message>
    <message>
        <source>5×5 branch, direct</source>
        <translation>5×5 가지, 바로 계산</translation>
    </message>
    <message>
        <source>5×5 branch, 1×1 reduction first</source>
        <translation>5×5 가지, 1×1 축소 먼저</translation>
    </message>
    <message>
        <source>Multiply-adds per image</source>
        <translation>이미지 한 장당 곱셈-덧셈</translation>
    </message>
    <message>
        <source>Measured ms per image (largest batch)</source>
        <translation>측정한 이미지 한 장당 ms (가장 큰 배치)</translation>
    </message>
    <message>
        <source>Fewer multiply-adds</source>
        <translation>곱셈-덧셈 감소 배수</translation>
    </message>
    <message>
        <source>Measured speed-up</source>
        <translation>측정한 속도 향상</translation>
    </message>
    <message>
        <source>timed repetitions (steps)</source>
        <translation>시간을 잰 반복 횟수 (steps)</translation>
    </message>
    <message>
        <source>bottleneck-time times modules on random inputs of Inception (3a)&apos;s shape and uses no data set; leave out --data (got {data})</source>
        <translation>bottleneck-time은 inception (3a) 모양의 무작위 입력으로 모듈의 시간을 재며 데이터 세트를 쓰지 않습니다. --data를 빼 주세요 (받은 값: {data})</translation>
    </message>
    <message>
        <source>batch_sizes must be a list of whole numbers from 1 to {maximum}, got {value}</source>
        <translation>batch_sizes는 1부터 {maximum}까지의 정수 목록이어야 합니다. 받은 값: {value}</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>batch_sizes names a batch size twice: {value}</source>
        <translation>batch_sizes에 같은 배치 크기가 두 번 있습니다: {value}</translation>
    </message>
    <message>
        <source>warm-up repetitions</source>
        <translation>예열 반복 횟수</translation>
    </message>
    <message>
        <source>ms per image</source>
        <translation>이미지 한 장당 ms</translation>
    </message>
    <message>
        <source>The timing was stopped before the designs with and without 1×1 reductions were both measured; run it again to compare them.</source>
        <translation>1×1 축소가 있는 설계와 없는 설계를 모두 재기 전에 시간 측정이 멈췄습니다. 비교하려면 다시 실행하세요.</translation>
    </message>
    <message>
        <source>On {device} at batch size {batch}, the 16-channel 1×1 reduction did not make the 5×5 branch faster ({speedup}, {low}–{high} over {seeds} seeds) despite {ratio} fewer multiply-adds: the 1×1 convolution does only {pointwise} multiply-adds per byte it reads and writes against {direct} for the direct 5×5 one, so memory traffic and kernel overheads, not arithmetic, set its time; the whole Inception (3a) module ran {module_speedup} faster for {module_ratio} fewer multiply-adds.</source>
        <translation>{device}에서 배치 크기 {batch}일 때, 16채널 1×1 축소는 곱셈-덧셈이 {ratio} 줄었는데도 5×5 가지를 빠르게 하지 못했습니다 ({speedup}, 시드 {seeds}개에서 {low}–{high}). 1×1 합성곱은 읽고 쓰는 1바이트당 곱셈-덧셈이 {pointwise}번뿐이고 바로 계산하는 5×5 합성곱은 {direct}번이므로, 시간을 정하는 것은 연산이 아니라 메모리 이동과 커널 부담입니다. inception (3a) 모듈 전체는 곱셈-덧셈이 {module_ratio} 줄어 {module_speedup} 빨라졌습니다.</translation>
    </message>
    <message>
        <source>On {device} at batch size {batch}, the 16-channel 1×1 reduction made the 5×5 branch {speedup} faster ({low}–{high} over {seeds} seeds), less than its {ratio} fewer multiply-adds: the 1×1 convolution does only {pointwise} multiply-adds per byte it reads and writes against {direct} for the direct 5×5 one, so memory traffic and kernel overheads, not arithmetic, set much of its time; the whole Inception (3a) module ran {module_speedup} faster for {module_ratio} fewer multiply-adds.</source>
        <translation>{device}에서 배치 크기 {batch}일 때, 16채널 1×1 축소로 5×5 가지가 {speedup} 빨라졌습니다 (시드 {seeds}개에서 {low}–{high}). 곱셈-덧셈이 줄어든 {ratio}보다 작습니다. 1×1 합성곱은 읽고 쓰는 1바이트당 곱셈-덧셈이 {pointwise}번뿐이고 바로 계산하는 5×5 합성곱은 {direct}번이므로, 시간의 상당 부분은 연산이 아니라 메모리 이동과 커널 부담이 정합니다. inception (3a) 모듈 전체는 곱셈-덧셈이 {module_ratio} 줄어 {module_speedup} 빨라졌습니다.</translation>
    </message>
    <message>
        <source>On {device} at batch size {batch}, the 16-channel 1×1 reduction made the 5×5 branch {speedup} faster ({low}–{high} over {seeds} seeds), close to its {ratio} fewer multiply-adds: here arithmetic sets the time; the whole Inception (3a) module ran {module_speedup} faster for {module_ratio} fewer multiply-adds.</source>
        <translation>{device}에서 배치 크기 {batch}일 때, 16채널 1×1 축소로 5×5 가지가 {speedup} 빨라졌습니다 (시드 {seeds}개에서 {low}–{high}). 곱셈-덧셈이 줄어든 {ratio}에 가깝습니다: 여기서는 연산이 시간을 정합니다. inception (3a) 모듈 전체는 곱셈-덧셈이 {module_ratio} 줄어 {module_speedup} 빨라졌습니다.</translation>
    </message>
    <message>
        <source>On {device} at batch size {batch}, the 16-channel 1×1 reduction made the 5×5 branch {speedup} faster ({low}–{high} over {seeds} seeds), more than its {ratio} fewer multiply-adds: the direct 5×5 convolution over 192 channels runs less efficiently on this device than the two small ones; the whole Inception (3a) module ran {module_speedup} faster for {module_ratio} fewer multiply-adds.</source>
        <translation>{device}에서 배치 크기 {batch}일 때, 16채널 1×1 축소로 5×5 가지가 {speedup} 빨라졌습니다 (시드 {seeds}개에서 {low}–{high}). 곱셈-덧셈이 줄어든 {ratio}보다 큽니다: 이 장치에서는 192채널을 바로 계산하는 5×5 합성곱이 작은 두 합성곱보다 덜 효율적으로 돕니다. inception (3a) 모듈 전체는 곱셈-덧셈이 {module_ratio} 줄어 {module_speedup} 빨라졌습니다.</translation>
    </message>
    <message>
        <source>data must be one of {names}, got {given}</source>
        <translation>데이터는 {names} 중 하나여야 합니다. 받은 값: {given}</translation>
    </message>
    <message>
        <source>device must be one of {names}, got {given}</source>
        <translation>장치는 {names} 중 하나여야 합니다. 받은 값: {given}</translation>
    </message>
    <message>
        <source>name an experiment ({names}), or ask for --list</source>
        <translation>실험 이름({names})을 주거나 --list로 목록을 보세요</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>학습률 스케줄</translation>
    </message>
    <message>
        <source>device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>{model} has no pretrained weights to start from; transfer learning works with {models}</source>
        <translation>{model}에는 시작할 사전 학습 가중치가 없습니다. 전이 학습은 {models}에서 할 수 있습니다</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
    <message>
        <source>The run was interrupted before it ended (Ctrl+C, a stop signal, or the window closed).</source>
        <translation>실행이 끝나기 전에 중단되었습니다(Ctrl+C, 종료 신호, 또는 창 닫힘).</translation>
    </message>
    <message>
        <source>The run ended on an unexpected error ({kind}); the details are in the run&apos;s log.txt.</source>
        <translation>예상하지 못한 오류({kind})로 실행이 끝났습니다. 자세한 내용은 실행 기록의 log.txt에 있습니다.</translation>
    </message>
    <message>
        <source>Stopped on request at step {step} (epoch {epoch}).</source>
        <translation>요청에 따라 스텝 {step}(에포크 {epoch})에서 멈췄습니다.</translation>
    </message>
    <message>
        <source>{count} image files could not be read and were skipped; their names are in log.txt.</source>
        <translation>이미지 파일 {count}개를 읽을 수 없어 건너뛰었습니다. 파일 이름은 log.txt에 있습니다.</translation>
    </message>
    <message>
        <source>The loss became {loss} at step {step} (epoch {epoch}), so training stopped; the learning rate {lr} is probably too high, try a smaller one. No checkpoint had been saved yet.</source>
        <translation>스텝 {step}(에포크 {epoch})에서 손실이 {loss}이(가) 되어 훈련을 멈췄습니다. 학습률 {lr}이(가) 너무 큰 것 같으니 더 작게 해 보세요. 아직 저장된 체크포인트가 없었습니다.</translation>
    </message>
    <message>
        <source>The test loss grew to {loss} after epoch {epoch}</source>
        <translation>에포크 {epoch} 뒤 테스트 손실이 {loss}까지 커졌습니다</translation>
    </message>
    <message>
        <source>The loss grew to {loss} at step {step} (epoch {epoch})</source>
        <translation>스텝 {step}(에포크 {epoch})에서 손실이 {loss}까지 커졌습니다</translation>
    </message>
    <message>
        <source>{where}, far above where it started ({reference}): the run has diverged, so training stopped. The learning rate {lr} is probably too high, try a smaller one. The last good checkpoint is kept: {checkpoint}.</source>
        <translation>{where}. 시작할 때({reference})보다 훨씬 큰 값이라 학습이 발산한 것으로 보고 멈췄습니다. 학습률 {lr}이(가) 너무 큰 것 같으니 더 작게 해 보세요. 마지막 정상 체크포인트는 남아 있습니다: {checkpoint}.</translation>
    </message>
    <message>
        <source>{where}, far above where it started ({reference}): the run has diverged, so training stopped. The learning rate {lr} is probably too high, try a smaller one. No checkpoint had been saved yet.</source>
        <translation>{where}. 시작할 때({reference})보다 훨씬 큰 값이라 학습이 발산한 것으로 보고 멈췄습니다. 학습률 {lr}이(가) 너무 큰 것 같으니 더 작게 해 보세요. 아직 저장된 체크포인트가 없었습니다.</translation>
    </message>
    <message>
        <source>The GPU ran out of memory with batches of {batch} images; try a batch size of {smaller} or less, or a smaller model.</source>
        <translation>배치당 이미지 {batch}장에서 GPU 메모리가 부족해졌습니다. 배치 크기를 {smaller} 이하로 줄이거나 더 작은 모델을 쓰세요.</translation>
    </message>
    <message>
        <source>The checkpoint&apos;s weights do not fit {model}: its layers or their shapes differ (the details are in the log).</source>
        <translation>체크포인트의 가중치가 {model}에 맞지 않습니다. 층이나 층의 모양이 다릅니다(자세한 내용은 로그에 있습니다).</translation>
    </message>
    <message>
        <source>{name} holds {found} weights, not {model}.</source>
        <translation>{name}에는 {model}이(가) 아니라 {found}의 가중치가 들어 있습니다.</translation>
    </message>
    <message>
        <source>{name} was trained on other inputs or classes ({found}) than {dataset}.</source>
        <translation>{name}은(는) {dataset}과(와) 다른 입력이나 클래스({found})로 훈련되었습니다.</translation>
    </message>
    <message>
        <source>{name} cannot be resumed: its fields “mean” and “std” need one value per input channel ({channels}), as the trainer saves them.</source>
        <translation>{name}에서 이어서 훈련할 수 없습니다. 필드 “mean”과 “std”에는 훈련기가 저장하는 대로 입력 채널마다 값이 하나씩({channels}개) 있어야 합니다.</translation>
    </message>
    <message>
        <source>{name} has already trained {epoch} epochs; ask for more than that with --epochs.</source>
        <translation>{name}은(는) 이미 {epoch} 에포크를 훈련했습니다. --epochs로 그보다 많은 에포크를 지정하세요.</translation>
    </message>
    <message>
        <source>{name} must be a whole number from {minimum} to {maximum}, got {value}</source>
        <translation>{name}은(는) {minimum}에서 {maximum} 사이의 정수여야 합니다. 받은 값: {value}</translation>
    </message>
    <message>
        <source>{name} must be a number from 0 to {maximum}, got {value}</source>
        <translation>{name}은(는) 0에서 {maximum} 사이의 수여야 합니다. 받은 값: {value}</translation>
    </message>
    <message>
        <source>{name} must be a number above 0 and at most {maximum}, got {value}</source>
        <translation>{name}은(는) 0보다 크고 {maximum} 이하인 수여야 합니다. 받은 값: {value}</translation>
    </message>
    <message>
        <source>{name} must be one of {choices}, got {value}</source>
        <translation>{name}은(는) {choices} 중 하나여야 합니다. 받은 값: {value}</translation>
    </message>
    <message>
        <source>{name} holds no state dict (a mapping of layer names to tensors)</source>
        <translation>{name}에는 state dict(층 이름과 텐서의 대응)가 없습니다</translation>
    </message>
    <message>
        <source>{name} is not a readable weights file: it is damaged or not a file saved by torch (the details are in the log).</source>
        <translation>{name}은(는) 읽을 수 있는 가중치 파일이 아닙니다. 손상되었거나 torch로 저장한 파일이 아닙니다(자세한 내용은 로그에 있습니다).</translation>
    </message>
    <message>
        <source>{name} does not fit {model} (it was saved from {origin}): {problems}</source>
        <translation>{name}은(는) {model}에 맞지 않습니다({origin}에서 저장됨): {problems}</translation>
    </message>
    <message>
        <source>{name} does not fit {model}: {problems}</source>
        <translation>{name}은(는) {model}에 맞지 않습니다: {problems}</translation>
    </message>
    <message>
        <source>The runs folder {folder} cannot be written to ({error}); choose another one.</source>
        <translation>실행 기록 폴더 {folder}에 쓸 수 없습니다({error}). 다른 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>its epoch figures are not a list of records</source>
        <translation>에포크 기록이 기록 목록 형식이 아닙니다</translation>
    </message>
    <message>
        <source>its number of epochs is not a whole number</source>
        <translation>에포크 수가 정수가 아닙니다</translation>
    </message>
    <message>
        <source>it does not say whether the run finished</source>
        <translation>실행이 끝났는지 적혀 있지 않습니다</translation>
    </message>
    <message>
        <source>it has no step and epoch figures</source>
        <translation>스텝과 에포크 기록이 없습니다</translation>
    </message>
    <message>
        <source>a column of figures is missing or not numbers</source>
        <translation>기록 열 하나가 없거나 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>its step columns have different lengths</source>
        <translation>스텝 기록 열들의 길이가 서로 다릅니다</translation>
    </message>
    <message>
        <source>{path} is damaged: {reason}.</source>
        <translation>{path}이(가) 손상되었습니다: {reason}.</translation>
    </message>
    <message>
        <source>{folder} is not a training run (it has no {file}).</source>
        <translation>{folder}은(는) 훈련 실행 기록이 아닙니다({file} 없음).</translation>
    </message>
    <message>
        <source>{path} cannot be read: it is not a readable JSON file.</source>
        <translation>{path}을(를) 읽을 수 없습니다. 읽을 수 있는 JSON 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>{path} is not a run&apos;s metrics file.</source>
        <translation>{path}은(는) 실행 기록의 지표 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>unknown transfer case {given}; use one of {names}</source>
        <translation>알 수 없는 전이 학습 케이스 {given}입니다. {names} 중 하나를 쓰세요</translation>
    </message>
    <message>
        <source>no pretrained weights for {model} are on this computer: download them once on its feature-map page (online), or train from scratch</source>
        <translation>{model}의 사전 학습 가중치가 이 컴퓨터에 없습니다. 해당 모델의 특징 맵 화면에서 (온라인으로) 한 번 내려받거나, 처음부터 훈련하세요</translation>
    </message>
    <message>
        <source>The download of {name} broke off after {done} of {total} MB. What was fetched is kept; prepare again to continue from there.</source>
        <translation>{name}을(를) 내려받다가 {total} MB 중 {done} MB에서 끊겼습니다. 받은 부분은 보관했으니, 다시 준비하면 거기서부터 이어 받습니다.</translation>
    </message>
    <message>
        <source>The server refused {name}: {url} answered {code} ({reason}). Try again later, or check that the address is right.</source>
        <translation>서버가 {name}을(를) 거절했습니다: {url}의 응답은 {code} ({reason})입니다. 나중에 다시 시도하거나 주소가 맞는지 확인하세요.</translation>
    </message>
    <message>
        <source>Cannot reach {host} to download {name} ({reason}). Check the network connection and try again; what was already fetched is kept.</source>
        <translation>{name}을(를) 내려받으려 했지만 {host}에 연결할 수 없습니다 ({reason}). 네트워크 연결을 확인하고 다시 시도하세요. 이미 받은 것은 그대로 있습니다.</translation>
    </message>
    <message>
        <source>The download of {name} broke off after {done} MB ({reason}). What was fetched is kept; prepare again to continue from there.</source>
        <translation>{name}을(를) 내려받다가 {done} MB에서 끊겼습니다 ({reason}). 받은 부분은 보관했으니, 다시 준비하면 거기서부터 이어 받습니다.</translation>
    </message>
    <message>
        <source>The downloaded {name} is damaged: its SHA-256 does not start with {expected}, as published. It was removed; prepare again to download it anew.</source>
        <translation>내려받은 {name}이(가) 손상되었습니다: SHA-256이 공개된 값처럼 {expected}(으)로 시작하지 않습니다. 파일을 지웠으니, 다시 준비하면 새로 내려받습니다.</translation>
    </message>
    <message>
        <source>The downloaded {name} is damaged: its MD5 is {actual}, not the published {expected}. It was removed; prepare again to download it anew.</source>
        <translation>내려받은 {name}이(가) 손상되었습니다: MD5가 공개된 {expected}이(가) 아니라 {actual}입니다. 파일을 지웠으니, 다시 준비하면 새로 내려받습니다.</translation>
    </message>
    <message>
        <source>The disk holding {folder} is full: {name} ({size} MB) does not fit. Free some space and prepare again.</source>
        <translation>{folder}이(가) 있는 디스크가 가득 찼습니다: {name} ({size} MB)이(가) 들어갈 자리가 없습니다. 공간을 확보한 뒤 다시 준비하세요.</translation>
    </message>
    <message>
        <source>{name} could not be written into {folder} ({reason}).</source>
        <translation>{name}을(를) {folder}에 쓸 수 없습니다 ({reason}).</translation>
    </message>
    <message>
        <source>Cannot write into {folder} ({reason}). The folder is read-only for this user: make it writable, or choose another folder (TORCH_HOME for weights, --data-root for data sets).</source>
        <translation>{folder}에 쓸 수 없습니다 ({reason}). 이 사용자에게는 읽기 전용인 폴더입니다. 쓰기 권한을 주거나 다른 폴더를 고르세요 (가중치는 TORCH_HOME, 데이터 세트는 --data-root).</translation>
    </message>
    <message>
        <source>{word} is not on the checklist; use weights, data, or some of: {names}.</source>
        <translation>{word}은(는) 체크리스트에 없습니다. weights, data 또는 다음 중에서 고르세요: {names}.</translation>
    </message>
    <message>
        <source>{name} could not be unpacked ({reason}). It was removed; prepare again to download it anew.</source>
        <translation>{name}의 압축을 풀 수 없습니다 ({reason}). 파일을 지웠으니, 다시 준비하면 새로 내려받습니다.</translation>
    </message>
    <message>
        <source>The {name} files hold no test images.</source>
        <translation>{name} 파일에 테스트 이미지가 없습니다.</translation>
    </message>
    <message>
        <source>{path} does not exist or is not a file.</source>
        <translation>{path}이(가) 없거나 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>{name} is not a video this app can read (or it has no frames).</source>
        <translation>{name}은(는) 이 앱이 읽을 수 있는 동영상이 아닙니다(또는 프레임이 없습니다).</translation>
    </message>
    <message>
        <source>There is no camera {index} on this computer, or it cannot be opened.</source>
        <translation>이 컴퓨터에 카메라 {index}이(가) 없거나 열 수 없습니다.</translation>
    </message>
    <message>
        <source>Camera {index} gives no picture: another program may be using it, or this app may not have permission to use it.</source>
        <translation>카메라 {index}에서 영상이 오지 않습니다: 다른 프로그램이 사용 중이거나 이 앱에 사용 권한이 없을 수 있습니다.</translation>
    </message>
    <message>
        <source>Video and camera input need OpenCV: pip install opencv-python-headless</source>
        <translation>동영상과 카메라 입력에는 OpenCV가 필요합니다: pip install opencv-python-headless</translation>
    </message>
    <message>
        <source>{name} is not a readable checkpoint: it is damaged or not a file saved by torch (the details are in the log).</source>
        <translation>{name}은(는) 읽을 수 있는 체크포인트가 아닙니다. 손상되었거나 torch로 저장한 파일이 아닙니다(자세한 내용은 로그에 있습니다).</translation>
    </message>
    <message>
        <source>{name} is not a CNN Casebook checkpoint; a bare state dict can be loaded onto a model from the model&apos;s page instead.</source>
        <translation>{name}은(는) CNN Casebook 체크포인트가 아닙니다. state dict만 있는 파일은 모델 페이지에서 모델에 불러올 수 있습니다.</translation>
    </message>
    <message>
        <source>{name} is a damaged CNN Casebook checkpoint: its field “{field}” should hold {expected}.</source>
        <translation>{name}은(는) 손상된 CNN Casebook 체크포인트입니다. 필드 “{field}”에는 {expected}이(가) 있어야 합니다.</translation>
    </message>
    <message>
        <source>the name of a zoo model</source>
        <translation>모델 목록에 있는 모델 이름</translation>
    </message>
    <message>
        <source>the model&apos;s weights, a tensor for each name</source>
        <translation>모델의 가중치(이름마다 텐서 하나)</translation>
    </message>
    <message>
        <source>{name} holds weights that are not numbers (NaN or infinite) in {tensor}: the run that saved it had diverged. Use an earlier checkpoint.</source>
        <translation>{name}의 {tensor}에 숫자가 아닌 가중치(NaN 또는 무한대)가 있습니다. 이 파일을 저장한 학습이 발산했던 것입니다. 더 이전의 체크포인트를 쓰세요.</translation>
    </message>
    <message>
        <source>a list of class names</source>
        <translation>클래스 이름 목록</translation>
    </message>
    <message>
        <source>three whole numbers: 1 or 3 channels, then the height and width</source>
        <translation>정수 세 개(채널 수 1 또는 3, 높이, 너비)</translation>
    </message>
    <message>
        <source>one finite number per input channel, or none</source>
        <translation>입력 채널마다 유한한 수 하나, 또는 아무것도 없음</translation>
    </message>
    <message>
        <source>one number above zero per input channel, as many as the mean has</source>
        <translation>입력 채널마다 0보다 큰 수 하나(mean과 같은 개수)</translation>
    </message>
    <message>
        <source>the name of a data set</source>
        <translation>데이터 세트 이름</translation>
    </message>
    <message>
        <source>a whole number of epochs, 0 or more</source>
        <translation>0 이상의 정수 에포크 수</translation>
    </message>
    <message>
        <source>a dictionary</source>
        <translation>사전(dictionary)</translation>
    </message>
    <message>
        <source>There is no page {name}; use one of {sections}, or a model&apos;s name such as vgg16 or resnet20.</source>
        <translation>{name} 페이지는 없습니다. {sections} 중 하나나 vgg16, resnet20 같은 모델 이름을 쓰세요.</translation>
    </message>
    <message>
        <source>{name} is deeper than the deepest network of the paper ({maximum} layers); use a depth 6n+2 from 8 to {maximum}, e.g. resnet110.</source>
        <translation>{name}은(는) 논문의 가장 깊은 네트워크({maximum}층)보다 깊습니다. 8부터 {maximum}까지의 6n+2 깊이를 쓰세요(예: resnet110).</translation>
    </message>
    <message>
        <source>Steps to the threshold</source>
        <translation>기준까지의 스텝</translation>
    </message>
    <message>
        <source>Training error</source>
        <translation>훈련 오차</translation>
    </message>
    <message>
        <source>Test error</source>
        <translation>테스트 오차</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>초</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>threshold must be a training error between 0 and 1 (0.25 is 25 %), got {value}</source>
        <translation>기준은 0과 1 사이의 훈련 오차여야 합니다(0.25는 25 %). 받은 값: {value}</translation>
    </message>
    <message>
        <source>No run has finished yet.</source>
        <translation>아직 끝난 실행이 없습니다.</translation>
    </message>
    <message>
        <source>On {data}, the smoothed training error fell to {threshold} after {relu} steps with ReLU, {tanh} with tanh and {sigmoid} with sigmoid (mean of {seeds} seeds): ReLU was {ratio}× as fast as tanh in every seed (Krizhevsky et al. 2012: 6× on CIFAR-10).</source>
        <translation>{data}에서 평활한 훈련 오차가 {threshold}까지 내려가는 데 ReLU는 {relu} 스텝, tanh는 {tanh} 스텝, sigmoid는 {sigmoid} 스텝이 걸렸다(시드 {seeds}개의 평균). 모든 시드에서 ReLU가 tanh보다 {ratio}배 빨랐다(Krizhevsky 외 2012: CIFAR-10에서 6배).</translation>
    </message>
    <message>
        <source>On {data}, the smoothed training error fell to {threshold} after {relu} steps with ReLU, {tanh} with tanh and {sigmoid} with sigmoid (mean of {seeds} seeds): here tanh was faster than ReLU in every seed, unlike Krizhevsky et al. 2012 on CIFAR-10.</source>
        <translation>{data}에서 평활한 훈련 오차가 {threshold}까지 내려가는 데 ReLU는 {relu} 스텝, tanh는 {tanh} 스텝, sigmoid는 {sigmoid} 스텝이 걸렸다(시드 {seeds}개의 평균). 여기서는 모든 시드에서 tanh가 ReLU보다 빨랐다. CIFAR-10에서의 Krizhevsky 외(2012)와는 다른 결과다.</translation>
    </message>
    <message>
        <source>On {data}, the smoothed training error fell to {threshold} after {relu} steps with ReLU, {tanh} with tanh and {sigmoid} with sigmoid (mean of {seeds} seeds): no clear difference between ReLU and tanh over the seeds here; Krizhevsky et al. 2012 found ReLU 6× as fast on CIFAR-10.</source>
        <translation>{data}에서 평활한 훈련 오차가 {threshold}까지 내려가는 데 ReLU는 {relu} 스텝, tanh는 {tanh} 스텝, sigmoid는 {sigmoid} 스텝이 걸렸다(시드 {seeds}개의 평균). 여기서는 시드 사이에서 ReLU와 tanh의 뚜렷한 차이가 없다. Krizhevsky 외(2012)는 CIFAR-10에서 ReLU가 6배 빠르다고 보고했다.</translation>
    </message>
    <message>
        <source>the experiment {name} has no option {option}; its options: {options}</source>
        <translation>실험 {name}에는 옵션 {option}이(가) 없습니다. 이 실험의 옵션: {options}</translation>
    </message>
    <message>
        <source>the digits</source>
        <translation>손글씨 숫자</translation>
    </message>
    <message>
        <source>CIFAR-10</source>
        <translation>CIFAR-10</translation>
    </message>
    <message>
        <source>MNIST</source>
        <translation>MNIST</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>변수</translation>
    </message>
    <message>
        <source>Multiply-adds</source>
        <translation>곱셈-덧셈</translation>
    </message>
    <message>
        <source>No comparison yet: it needs two depths with finished runs.</source>
        <translation>아직 비교할 수 없습니다. 실행이 끝난 깊이가 두 개 필요합니다.</translation>
    </message>
    <message>
        <source>On {data} after {steps} steps (mean of {seeds} seeds), the smoothed training error of the plain networks went from {plain_shallow} at {shallow} layers to {plain_deep} at {deep} ({plain_verdict}), and of the residual networks from {resnet_shallow} to {resnet_deep} ({resnet_verdict}).</source>
        <translation>{data}에서 {steps} 스텝 뒤(시드 {seeds}개의 평균) 평활한 훈련 오차는 plain 네트워크가 {shallow}층 {plain_shallow}에서 {deep}층 {plain_deep}로({plain_verdict}), residual 네트워크가 {resnet_shallow}에서 {resnet_deep}로 바뀌었다({resnet_verdict}).</translation>
    </message>
    <message>
        <source>deeper was worse in every seed</source>
        <translation>모든 시드에서 깊을수록 나빴다</translation>
    </message>
    <message>
        <source>deeper was better in every seed</source>
        <translation>모든 시드에서 깊을수록 좋았다</translation>
    </message>
    <message>
        <source>no clear change over the seeds</source>
        <translation>시드 사이에서 뚜렷한 변화가 없다</translation>
    </message>
    <message>
        <source>Steps to 10 % training error</source>
        <translation>훈련 오차 10 %까지의 스텝</translation>
    </message>
    <message>
        <source>average pooling</source>
        <translation>평균 풀링</translation>
    </message>
    <message>
        <source>max pooling</source>
        <translation>최대 풀링</translation>
    </message>
    <message>
        <source>On {data}, LeNet-5 with max pooling tested at {max} error against {average} with average pooling (mean of {seeds} seeds; 10 % training error after {max_steps} and {average_steps} steps): max pooling was better in every seed.</source>
        <translation>{data}에서 LeNet-5의 테스트 오차는 최대 풀링일 때 {max}, 평균 풀링일 때 {average}였다(시드 {seeds}개의 평균, 훈련 오차 10 %까지 {max_steps} 스텝과 {average_steps} 스텝). 모든 시드에서 최대 풀링이 더 나았다.</translation>
    </message>
    <message>
        <source>On {data}, LeNet-5 with max pooling tested at {max} error against {average} with average pooling (mean of {seeds} seeds; 10 % training error after {max_steps} and {average_steps} steps): average pooling was better in every seed.</source>
        <translation>{data}에서 LeNet-5의 테스트 오차는 최대 풀링일 때 {max}, 평균 풀링일 때 {average}였다(시드 {seeds}개의 평균, 훈련 오차 10 %까지 {max_steps} 스텝과 {average_steps} 스텝). 모든 시드에서 평균 풀링이 더 나았다.</translation>
    </message>
    <message>
        <source>On {data}, LeNet-5 with max pooling tested at {max} error against {average} with average pooling (mean of {seeds} seeds; 10 % training error after {max_steps} and {average_steps} steps): no clear difference over the seeds here; the gap the literature reports is on larger photos such as CIFAR-10 (--data cifar10).</source>
        <translation>{data}에서 LeNet-5의 테스트 오차는 최대 풀링일 때 {max}, 평균 풀링일 때 {average}였다(시드 {seeds}개의 평균, 훈련 오차 10 %까지 {max_steps} 스텝과 {average_steps} 스텝). 여기서는 시드 사이에서 뚜렷한 차이가 없다. 문헌이 보고하는 차이는 CIFAR-10 같은 더 큰 사진에서 나타난다.</translation>
    </message>
    <message>
        <source>Training error (smoothed)</source>
        <translation>훈련 오차 (평활)</translation>
    </message>
    <message>
        <source>Block parameters</source>
        <translation>블록의 변수</translation>
    </message>
    <message>
        <source>one 5×5</source>
        <translation>5×5 하나</translation>
    </message>
    <message>
        <source>two 3×3</source>
        <translation>3×3 둘</translation>
    </message>
    <message>
        <source>one 7×7</source>
        <translation>7×7 하나</translation>
    </message>
    <message>
        <source>three 3×3</source>
        <translation>3×3 셋</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>채널 수</translation>
    </message>
    <message>
        <source>Two 3×3 convolutions have {two_share} of one 5×5&apos;s weights and three 3×3 {three_share} of one 7×7&apos;s; on {data} (mean of {seeds} seeds) two 3×3 tested at {two_error} error against {two_large} ({two_verdict}) and three 3×3 at {three_error} against {three_large} ({three_verdict}).</source>
        <translation>3×3 합성곱 둘의 가중치는 5×5 하나의 {two_share}, 3×3 셋은 7×7 하나의 {three_share}이다. {data}에서(시드 {seeds}개의 평균) 테스트 오차는 3×3 둘이 {two_error}, 5×5 하나가 {two_large}({two_verdict}), 3×3 셋이 {three_error}, 7×7 하나가 {three_large}였다({three_verdict}).</translation>
    </message>
    <message>
        <source>the stack better in every seed</source>
        <translation>모든 시드에서 쌓은 쪽이 더 나음</translation>
    </message>
    <message>
        <source>the large filter better in every seed</source>
        <translation>모든 시드에서 큰 필터가 더 나음</translation>
    </message>
    <message>
        <source>no clear difference over the seeds</source>
        <translation>시드 사이에서 뚜렷한 차이 없음</translation>
    </message>
    <message>
        <source>mirroring changes what a digit is (a mirrored 2 is not a 2), so it is refused on {data}; label-preserving methods for digits: {methods}</source>
        <translation>좌우 반전은 숫자를 다른 것으로 바꾸므로 (좌우로 뒤집은 2는 2가 아님) {data}에서는 쓸 수 없습니다. 숫자의 레이블을 지키는 방법: {methods}</translation>
    </message>
    <message>
        <source>the digits are gray, so colour shifting has no colour to shift on {data}; label-preserving methods for digits: {methods}</source>
        <translation>숫자 이미지는 회색이라 {data}에서는 색상 변환으로 바꿀 색이 없습니다. 숫자의 레이블을 지키는 방법: {methods}</translation>
    </message>
    <message>
        <source>unknown augmentation {given}; the lecture&apos;s methods are {methods} (several: crop,rotation)</source>
        <translation>알 수 없는 증강 방법 {given}. 강의의 방법은 {methods}입니다 (여러 개: crop,rotation)</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>테스트 정확도</translation>
    </message>
    <message>
        <source>Training accuracy (own images, not augmented)</source>
        <translation>훈련 정확도 (자기 훈련 이미지, 증강 없이)</translation>
    </message>
    <message>
        <source>Gap: training minus test accuracy</source>
        <translation>격차: 훈련 정확도 − 테스트 정확도</translation>
    </message>
    <message>
        <source>mirroring</source>
        <translation>좌우 반전</translation>
    </message>
    <message>
        <source>cropping</source>
        <translation>무작위 자르기</translation>
    </message>
    <message>
        <source>rotation</source>
        <translation>회전</translation>
    </message>
    <message>
        <source>shearing</source>
        <translation>전단 변환</translation>
    </message>
    <message>
        <source>warping</source>
        <translation>국소 왜곡</translation>
    </message>
    <message>
        <source>colour shifting</source>
        <translation>색상 변환</translation>
    </message>
    <message>
        <source>5 per class, no augmentation</source>
        <translation>클래스당 5장, 증강 없음</translation>
    </message>
    <message>
        <source>5 per class, all methods</source>
        <translation>클래스당 5장, 모든 방법</translation>
    </message>
    <message>
        <source>10 per class, no augmentation</source>
        <translation>클래스당 10장, 증강 없음</translation>
    </message>
    <message>
        <source>10 per class, mirroring</source>
        <translation>클래스당 10장, 좌우 반전</translation>
    </message>
    <message>
        <source>10 per class, cropping</source>
        <translation>클래스당 10장, 무작위 자르기</translation>
    </message>
    <message>
        <source>10 per class, rotation</source>
        <translation>클래스당 10장, 회전</translation>
    </message>
    <message>
        <source>10 per class, shearing</source>
        <translation>클래스당 10장, 전단 변환</translation>
    </message>
    <message>
        <source>10 per class, warping</source>
        <translation>클래스당 10장, 국소 왜곡</translation>
    </message>
    <message>
        <source>10 per class, colour shifting</source>
        <translation>클래스당 10장, 색상 변환</translation>
    </message>
    <message>
        <source>10 per class, all methods</source>
        <translation>클래스당 10장, 모든 방법</translation>
    </message>
    <message>
        <source>20 per class, no augmentation</source>
        <translation>클래스당 20장, 증강 없음</translation>
    </message>
    <message>
        <source>20 per class, all methods</source>
        <translation>클래스당 20장, 모든 방법</translation>
    </message>
    <message>
        <source>50 per class, no augmentation</source>
        <translation>클래스당 50장, 증강 없음</translation>
    </message>
    <message>
        <source>50 per class, all methods</source>
        <translation>클래스당 50장, 모든 방법</translation>
    </message>
    <message>
        <source>per_class must list training images per class from {sizes}, with {compared} among them (where every method is tried); got {value}</source>
        <translation>per_class는 {sizes} 중에서 클래스당 훈련 이미지 수를 나열해야 하며, {compared}이 들어 있어야 합니다 (모든 방법을 하나씩 시험하는 크기). 받은 값: {value}</translation>
    </message>
    <message>
        <source>On {data} with {per_class} training images per class, augmenting with all {count} methods raised LeNet-5&apos;s test accuracy from {none} to {all} in every seed (mean of {seeds}) and narrowed the gap between training and test accuracy from {gap_none} to {gap_all}; the best single method, {best}, reached {best_accuracy}; all methods against none at other sizes (points): {gains}. Mirroring is left out on digits: a mirrored 2 is not a 2.</source>
        <translation>{data}에서 클래스당 훈련 이미지 {per_class}장으로, {count}가지 방법을 모두 써서 증강하니 LeNet-5의 테스트 정확도가 모든 시드에서 {none}에서 {all}로 올랐고 (시드 {seeds}개 평균), 훈련 정확도와 테스트 정확도의 격차는 {gap_none}에서 {gap_all}로 줄었습니다. 방법 하나만 쓸 때 가장 좋은 {best}는 {best_accuracy}였습니다. 다른 크기에서 모든 방법 대 증강 없음 (퍼센트포인트): {gains}. 숫자에는 좌우 반전을 쓰지 않습니다: 좌우로 뒤집은 2는 2가 아닙니다.</translation>
    </message>
    <message>
        <source>On {data} with {per_class} training images per class, augmenting with all {count} methods raised LeNet-5&apos;s test accuracy from {none} to {all} in every seed (mean of {seeds}) and narrowed the gap between training and test accuracy from {gap_none} to {gap_all}; the best single method, {best}, reached {best_accuracy}; all methods against none at other sizes (points): {gains}.</source>
        <translation>{data}에서 클래스당 훈련 이미지 {per_class}장으로, {count}가지 방법을 모두 써서 증강하니 LeNet-5의 테스트 정확도가 모든 시드에서 {none}에서 {all}로 올랐고 (시드 {seeds}개 평균), 훈련 정확도와 테스트 정확도의 격차는 {gap_none}에서 {gap_all}로 줄었습니다. 방법 하나만 쓸 때 가장 좋은 {best}는 {best_accuracy}였습니다. 다른 크기에서 모든 방법 대 증강 없음 (퍼센트포인트): {gains}.</translation>
    </message>
    <message>
        <source>On {data} with {per_class} training images per class, augmenting with all {count} methods lowered LeNet-5&apos;s test accuracy from {none} to {all} in every seed (mean of {seeds}): in {steps} steps the augmented network fitted only {train_all} of its own training images, against {train_none} without (gap between training and test accuracy {gap_none} without, {gap_all} with); the best single method, {best}, reached {best_accuracy}; all methods against none at other sizes (points): {gains}. Augmented images are harder to learn: before reading this as harm, give every run the steps to fit its images (--steps).</source>
        <translation>{data}에서 클래스당 훈련 이미지 {per_class}장으로, {count}가지 방법을 모두 써서 증강하니 LeNet-5의 테스트 정확도가 모든 시드에서 {none}에서 {all}로 떨어졌습니다 (시드 {seeds}개 평균): {steps} 스텝 동안 증강한 네트워크는 자기 훈련 이미지의 {train_all}만 맞혔고, 증강 없이는 {train_none}를 맞혔습니다 (훈련 정확도와 테스트 정확도의 격차는 증강 없이 {gap_none}, 증강하면 {gap_all}). 방법 하나만 쓸 때 가장 좋은 {best}는 {best_accuracy}였습니다. 다른 크기에서 모든 방법 대 증강 없음 (퍼센트포인트): {gains}. 증강한 이미지는 배우기가 더 어렵습니다. 해롭다고 읽기 전에, 모든 실행에 자기 이미지를 다 맞힐 만큼의 스텝을 주십시오.</translation>
    </message>
    <message>
        <source>On {data} with {per_class} training images per class, LeNet-5 tested at {none} without augmentation and {all} with all {count} methods (mean of {seeds} seeds): no clear difference, the seeds overlap; the gap between training and test accuracy went from {gap_none} to {gap_all}; the best single method, {best}, reached {best_accuracy}; all methods against none at other sizes (points): {gains}.</source>
        <translation>{data}에서 클래스당 훈련 이미지 {per_class}장으로, LeNet-5의 테스트 정확도는 증강 없이 {none}, {count}가지 방법을 모두 써서 {all}였습니다 (시드 {seeds}개 평균): 시드끼리 겹쳐 뚜렷한 차이가 없습니다. 훈련 정확도와 테스트 정확도의 격차는 {gap_none}에서 {gap_all}이 되었습니다. 방법 하나만 쓸 때 가장 좋은 {best}는 {best_accuracy}였습니다. 다른 크기에서 모든 방법 대 증강 없음 (퍼센트포인트): {gains}.</translation>
    </message>
</context>
</TS>
