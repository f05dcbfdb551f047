<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
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
        <translation>밀림 변환 (Shearing)</translation>
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
        <source>Not built yet: previews of each augmentation on your own image. This page lists the lecture&apos;s methods only.</source>
        <translation>아직 만들어지지 않음: 내 이미지에 각 증강을 적용한 미리보기. 이 페이지는 강의의 방법 목록만 보여 줍니다.</translation>
    </message>
</context>
<context>
    <name>LayerTableModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
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
        <translation>변수 개수</translation>
    </message>
    <message>
        <source>Multiply-adds</source>
        <translation>곱셈-덧셈</translation>
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
        <source>Q. Average pooling · sigmoid activation · few parameters</source>
        <translation>Q. AVG POOL · 활성화 함수 → Sigmoid · 적은 변수 개수</translation>
    </message>
    <message>
        <source>Q. Max pooling · ReLU activation · many parameters</source>
        <translation>Q. MAX POOL · 활성화 함수 → ReLU · 많은 변수 개수</translation>
    </message>
    <message>
        <source>Q. 2×2 max pooling with stride 2 · channels double at every stage · many parameters to train</source>
        <translation>Q. MAX POOL 2×2, Stride = 2 · 채널 수 2배씩 증가 · 훈련시킬 변수가 많음</translation>
    </message>
    <message>
        <source>Q. Why, in practice, does the error grow as layers are stacked?</source>
        <translation>Q. 왜 실제에서 layer가 쌓이면서 error가 커질까?</translation>
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
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
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
</context>
<context>
    <name>ModelPageView</name>
    <message>
        <source>Model:</source>
        <translation>모델:</translation>
    </message>
    <message>
        <source>The network diagram of this model will be drawn here. It is not built yet: the diagram view is its own issue (#3).</source>
        <translation>이 모델의 신경망 그림이 여기에 그려집니다. 아직 만들어지지 않았습니다: 다이어그램 보기는 별도 이슈(#3)입니다.</translation>
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
        <source>Weighted layers</source>
        <translation>가중치 층 수</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>변수 개수</translation>
    </message>
    <message>
        <source>Multiply-adds per image</source>
        <translation>이미지 한 장당 곱셈-덧셈</translation>
    </message>
    <message>
        <source>ImageNet top-1 (torchvision)</source>
        <translation>ImageNet top-1 (torchvision)</translation>
    </message>
    <message>
        <source>Analysing the layers…</source>
        <translation>층을 분석하는 중…</translation>
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
        <source>Each classic network answered a problem of its time: few parameters (LeNet-5), depth and ReLU on GPUs (AlexNet), a simple recipe of 3×3 convolutions (VGG-16), training very deep networks with shortcuts (ResNet), and cheap width with 1×1 convolutions (Inception). Their ideas are the building blocks of every network since. Every figure below is measured on the real model, not typed in.</source>
        <translation>고전 신경망은 각자 그 시대의 문제를 풀었습니다: 적은 변수(LeNet-5), GPU에서의 깊이와 ReLU(AlexNet), 3×3 합성곱만 쌓는 단순한 규칙(VGG-16), 지름길(skip connection)로 아주 깊은 망 훈련(ResNet), 1×1 합성곱으로 싸게 넓히기(Inception). 이 아이디어들이 이후 모든 신경망의 재료입니다. 아래 모든 수치는 손으로 적은 것이 아니라 실제 모델에서 측정한 값입니다.</translation>
    </message>
    <message>
        <source>Parameters and multiply-adds per image (log scale)</source>
        <translation>변수 개수와 이미지당 곱셈-덧셈 (로그 눈금)</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>변수 개수</translation>
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
        <source>Weighted layers</source>
        <translation>가중치 층 수</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>ImageNet top-1</source>
        <translation>ImageNet top-1</translation>
    </message>
    <message>
        <source>Key idea</source>
        <translation>핵심 아이디어</translation>
    </message>
</context>
<context>
    <name>TransferLearningView</name>
    <message>
        <source>Transfer learning</source>
        <translation>전이 학습</translation>
    </message>
    <message>
        <source>Start from a network trained on ImageNet; how much of it to retrain depends on how much data you have.</source>
        <translation>ImageNet으로 미리 학습된 신경망에서 시작한다. 얼마나 다시 훈련할지는 가진 데이터의 양에 달려 있다.</translation>
    </message>
    <message>
        <source>Case 1: little data</source>
        <translation>케이스 1: 데이터가 적을 때</translation>
    </message>
    <message>
        <source>Freeze every pretrained layer and train only a new classifier (softmax) on top.</source>
        <translation>미리 학습된 층을 모두 고정(freeze)하고 맨 위의 새 분류기(softmax)만 훈련한다.</translation>
    </message>
    <message>
        <source>Case 2: more data</source>
        <translation>케이스 2: 데이터가 조금 더 있을 때</translation>
    </message>
    <message>
        <source>Freeze the early layers (generic edges and textures) and retrain the later ones with the new classifier.</source>
        <translation>앞쪽 층(일반적인 모서리·질감)은 고정하고, 뒤쪽 층을 새 분류기와 함께 다시 훈련한다.</translation>
    </message>
    <message>
        <source>Case 3: lots of data</source>
        <translation>케이스 3: 데이터가 많을 때</translation>
    </message>
    <message>
        <source>Use the pretrained weights as the starting point and fine-tune the whole network.</source>
        <translation>미리 학습된 가중치를 시작점으로 삼아 신경망 전체를 미세 조정한다.</translation>
    </message>
    <message>
        <source>Not built yet: a live fine-tuning demo with frozen and trainable layers. This page shows the lecture&apos;s three cases only.</source>
        <translation>아직 만들어지지 않음: 고정 층과 훈련 층을 나눈 실시간 미세 조정(fine-tuning) 데모. 이 페이지는 강의의 세 가지 케이스만 보여 줍니다.</translation>
    </message>
</context>
</TS>
